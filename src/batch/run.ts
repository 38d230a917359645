// The batch runner: converts many inputs concurrently, skips up-to-date outputs, and records one small result per input.
import { convert, type ConvertOptions } from '../convert.js';
import { InputError, OutputError, ProtokollError } from '../errors.js';
import { readFileBytes } from '../input/file.js';
import { serialize, type OutputFormat } from '../output/serialize.js';
import { writeFileAtomic } from '../output/write.js';
import { forEachLimited } from './pool.js';
import { sha256 } from '../input/hash.js';
import { isUpToDate } from './skip.js';
import type { InputFile } from './walk.js';

export type BatchStatus = 'converted' | 'skipped' | 'failed';

/** Kept deliberately small (no document), so a batch of 100 000 files stays flat in memory. */
export interface BatchRecord {
  path: string;
  status: BatchStatus;
  reason: string | null;
  /** Warning codes of the converted document (empty when skipped: the old output is not parsed). */
  warnings: string[];
  output: string | null;
  seconds: number;
  pages: number;
  pagesOcr: number;
}

export interface BatchResult {
  records: BatchRecord[];
  /** Inputs without a result: never started, or abandoned mid-way by Ctrl-C. */
  notStarted: number;
  interrupted: boolean;
  /** Why the batch stopped early on its own (e.g. a full disk), or null. */
  stoppedBy: string | null;
  seconds: number;
}

export interface BatchOptions {
  format: OutputFormat;
  /** Where outputs go (one per input); without it each document goes to `emit`. */
  target?: (input: InputFile) => string;
  /** Receives each serialized document when there is no target; called once per document, so lines never interleave. */
  emit?: (text: string) => void;
  force?: boolean;
  jobs: number;
  /** Passed through to convert() untouched, so new options (an OCR pool…) need no change here. */
  convertOptions?: ConvertOptions;
  read?: (path: string) => Promise<{ bytes: Uint8Array; file: string }>;
  write?: (target: string, text: string) => Promise<void>;
  signal?: AbortSignal;
  onRecord?: (record: BatchRecord) => void;
  now?: () => number;
}

/** Output errors that will hit every later file too: going on would only repeat them. */
const FATAL_OUTPUT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

export async function runBatch(files: readonly InputFile[], options: BatchOptions): Promise<BatchResult> {
  const now = options.now ?? (() => performance.now());
  const read = options.read ?? defaultRead;
  const write = options.write ?? writeFileAtomic;
  const started = now();
  const records: BatchRecord[] = [];
  let stoppedBy: string | null = null;
  const stop = (): boolean => stoppedBy !== null || options.signal?.aborted === true;

  const one = async (input: InputFile): Promise<void> => {
    const t0 = now();
    const record: BatchRecord = { path: input.path, status: 'failed', reason: null, warnings: [], output: null, seconds: 0, pages: 0, pagesOcr: 0 };
    try {
      const { bytes, file } = await read(input.path);
      const out = options.target?.(input) ?? null;
      record.output = out;
      if (out && !options.force && (await isUpToDate(out, sha256(bytes)))) {
        record.status = 'skipped';
      } else {
        const doc = await convert(bytes, { ...options.convertOptions, fileName: file });
        record.warnings = doc.warnings.map((w) => w.code);
        record.pages = doc.source.pages.length;
        record.pagesOcr = doc.source.pages.filter((p) => p.text === 'ocr').length;
        const text = serialize(doc, options.format);
        if (options.signal?.aborted) return; // interrupted while converting: write nothing more
        if (out) await write(out, text);
        else options.emit?.(text);
        record.status = 'converted';
      }
    } catch (error) {
      record.status = 'failed';
      record.output = null;
      record.reason = reasonOf(error);
      const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
      if (error instanceof OutputError && cause?.code && FATAL_OUTPUT_CODES.has(cause.code)) stoppedBy ??= record.reason;
    }
    record.seconds = Math.round(now() - t0) / 1000;
    records.push(record);
    options.onRecord?.(record);
  };

  const all = forEachLimited(files, options.jobs, one, stop);
  // On Ctrl-C the batch answers at once: in-flight conversions are abandoned, never half-written (writes are atomic).
  const aborted = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([all, aborted]);
  return {
    records: [...records],
    notStarted: files.length - records.length,
    interrupted: options.signal?.aborted === true,
    stoppedBy,
    seconds: Math.round(now() - started) / 1000,
  };
}

async function defaultRead(p: string): Promise<{ bytes: Uint8Array; file: string }> {
  return { bytes: await readFileBytes(p), file: p };
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  if (error instanceof InputError && cause?.code === 'ENOENT') return 'the file disappeared before it could be read';
  if (error instanceof ProtokollError) return error.message.replace(/\s+/g, ' ').trim();
  return `internal error: ${(error as Error)?.message ?? String(error)}`;
}
