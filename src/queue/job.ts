// What one queued conversion carries (paths, input hash, settings) and the job id that makes adding it twice a no-op.
import { createHash } from 'node:crypto';
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

export interface QueueJobData {
  /** Absolute path of the input, as the machine that added it saw it (workers must see the same path, or map it). */
  input: string;
  /** The folder the input was found under: every worker must mount it. */
  inputRoot: string;
  /** Absolute path of the output file. */
  output: string;
  /** The output folder given to `queue add`. */
  outputRoot: string;
  /** sha256 of the input when it was added. */
  sha256: string;
  settings: ConversionSettings;
  /** Convert even when the output is up to date. */
  force: boolean;
}

/** What a finished job returns (the batch report's record for the input, plus who did it). */
export interface QueueJobResult {
  path: string;
  status: 'converted' | 'skipped';
  reason: null;
  warnings: string[];
  output: string;
  seconds: number;
  pages: number;
  pagesOcr: number;
  /** The input changed between `queue add` and conversion; the output records the bytes that were converted. */
  changedSinceAdded: boolean;
  worker: string;
}

export const JOB_NAME = 'convert';

/**
 * Derived from everything that decides the output: the schema version, the input's bytes, where the output goes and
 * the settings. The output path belongs in it because archives hold byte-identical copies under different names,
 * and each copy needs its own output. `forceToken` makes a forced re-add a new job.
 */
export function jobIdFor(data: QueueJobData, forceToken = ''): string {
  const s = data.settings;
  const key = JSON.stringify([SCHEMA_VERSION, data.sha256, data.output, s.format, s.ocr, s.lang, s.pageTimeoutSeconds, s.repair, forceToken]);
  // BullMQ refuses ids that are integers or contain ':'; the prefix rules out both.
  return `v${SCHEMA_VERSION}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}
