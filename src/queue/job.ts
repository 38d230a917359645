// What one queued conversion carries (paths, input hash, settings) and the job id that makes adding it twice a no-op.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { OcrMode } from '../ocr/documents.js';
import type { OutputFormat } from '../output/serialize.js';
import { SCHEMA_VERSION } from '../schema/minutes.js';

/** The conversion options a job carries; every worker applies them the same way `convert` does. */
export interface ConversionSettings {
  format: Exclude<OutputFormat, 'ndjson'>;
  ocr: OcrMode;
  lang: string;
  pageTimeoutSeconds: number;
  repair: boolean;
}

/** Kept small: a million of these may sit in Redis at once (paths are stored once, relative to their roots). */
export interface QueueJobData {
  /** The folder the input was found under, absolute, as the machine that added it saw it: every worker must mount it. */
  inputRoot: string;
  /** The input's path under inputRoot. */
  input: string;
  /** The output folder given to `queue add`, absolute. */
  outputRoot: string;
  /** The output's path under outputRoot. */
  output: string;
  /** sha256 of the input when it was added. */
  sha256: string;
  settings: ConversionSettings;
  /** Convert even when the output is up to date. */
  force: boolean;
}

/** What a finished job returns: the batch record's figures (its paths are the job's; BullMQ records the worker). */
export interface QueueJobResult {
  status: 'converted' | 'skipped';
  warnings: string[];
  seconds: number;
  pages: number;
  pagesOcr: number;
  /** The input changed between `queue add` and conversion; the output records the bytes that were converted. */
  changedSinceAdded: boolean;
}

/** The input's absolute path, as the adding machine saw it. */
export function inputPathOf(data: QueueJobData): string {
  return path.join(data.inputRoot, data.input);
}

/** The output's absolute path, as the adding machine saw it. */
export function outputPathOf(data: QueueJobData): string {
  return path.join(data.outputRoot, data.output);
}

export const JOB_NAME = 'convert';

/**
 * Derived from everything that decides the output: the schema version, the input's bytes, where the output goes and
 * the settings. The output path belongs in it because archives hold byte-identical copies under different names,
 * and each copy needs its own output. `forceToken` makes a forced re-add a new job.
 */
export function jobIdFor(data: QueueJobData, forceToken = ''): string {
  const s = data.settings;
  const key = JSON.stringify([SCHEMA_VERSION, data.sha256, outputPathOf(data), s.format, s.ocr, s.lang, s.pageTimeoutSeconds, s.repair, forceToken]);
  // BullMQ refuses ids that are integers or contain ':'; the prefix rules out both.
  return `v${SCHEMA_VERSION}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}
