// Converts one queued input with the batch's own code (up-to-date check, convert, atomic write) and says what became of it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { runBatch } from '../batch/run.js';
import { readFileBytes } from '../input/file.js';
import { sha256 } from '../input/hash.js';
import type { OcrPool } from '../ocr/pool.js';
import { removeStaleTempFiles } from '../output/write.js';
import { isPermanentFailure } from './failure.js';
import { inputPathOf, outputPathOf, type QueueJobData, type QueueJobResult } from './job.js';

export interface ProcessContext {
  /** The worker's OCR pool for a language setting (pools start their engines only when a page needs OCR). */
  ocrPool: (lang: string) => OcrPool;
  /** Password for encrypted PDFs, given to the worker rather than stored in Redis. */
  password?: string;
  /** Rewrites a path as the adding machine saw it into this machine's path (`--path-map`). */
  mapPath: (p: string) => string;
}

export interface Attempt {
  /** The job ran before (a retry, or a worker died on it): its temporary files may be lying about. */
  retried: boolean;
  startedAt: Date;
}

export type Outcome =
  | { kind: 'done'; result: QueueJobResult }
  | { kind: 'failed'; permanent: boolean; code: string | null; reason: string }
  /** Stopped on request before it finished: hand the job back to the queue. */
  | { kind: 'interrupted' }
  /** This machine cannot see the shared folders: not the job's fault, and no job will succeed here. */
  | { kind: 'unmounted'; reason: string };

export async function processJob(data: QueueJobData, attempt: Attempt, signal: AbortSignal, ctx: ProcessContext): Promise<Outcome> {
  const missing = await missingRoot([data.inputRoot, data.outputRoot].map(ctx.mapPath));
  if (missing) return { kind: 'unmounted', reason: `${missing} is not a folder on this machine (not mounted? use --path-map if it is mounted elsewhere)` };
  const input = ctx.mapPath(inputPathOf(data));
  const output = ctx.mapPath(outputPathOf(data));
  if (attempt.retried) await removeStaleTempFiles(output, attempt.startedAt);
  let changed = false;
  // The name below its input folder is the document's source.file, as convert gives it.
  const { records } = await runBatch([{ path: input, relative: data.input.split(path.sep).join('/') }], {
    format: data.settings.format,
    target: () => output,
    force: data.force,
    jobs: 1,
    convertOptions: {
      ocr: data.settings.ocr,
      pageTimeoutMs: data.settings.pageTimeoutSeconds * 1000,
      repair: data.settings.repair,
      password: ctx.password,
      ocrPool: ctx.ocrPool(data.settings.lang),
    },
    read: async (p) => {
      const bytes = await readFileBytes(p);
      changed = sha256(bytes) !== data.sha256;
      return { bytes, file: p };
    },
    signal,
  });
  const record = records[0];
  if (!record || signal.aborted || record.status === 'interrupted' || record.status === 'not-started') return { kind: 'interrupted' };
  if (record.status === 'failed') {
    return { kind: 'failed', permanent: isPermanentFailure(record.code), code: record.code, reason: record.reason ?? 'unknown reason' };
  }
  return {
    kind: 'done',
    result: { status: record.status, warnings: record.warnings, seconds: record.seconds, pages: record.pages, pagesOcr: record.pagesOcr, changedSinceAdded: changed },
  };
}

/** Checked per job (cheaply cached), since a network share can drop away while a worker runs. */
const rootSeen = new Map<string, number>();
const ROOT_CHECK_MS = 30_000;

async function missingRoot(roots: readonly string[]): Promise<string | null> {
  const now = Date.now();
  for (const root of roots) {
    if ((rootSeen.get(root) ?? -Infinity) > now - ROOT_CHECK_MS) continue;
    const ok = await fs.stat(root).then((s) => s.isDirectory(), () => false);
    if (!ok) {
      rootSeen.delete(root);
      return root;
    }
    rootSeen.set(root, now);
  }
  return null;
}
