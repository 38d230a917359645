// The batch runner: converts many inputs concurrently, skips up-to-date outputs, and records one small result per input.
import { convertWithText, type Conversion, type ConvertOptions } from '../convert.js';
import { InputError, OutputError, ProtokollError } from '../errors.js';
import { readFileBytes } from '../input/file.js';
import { serialize, type OutputFormat } from '../output/serialize.js';
import { writeFileAtomic } from '../output/write.js';
import { forEachLimited } from './pool.js';
import { sha256 } from '../input/hash.js';
import { convertImagesWithText, groupSha256 } from '../convert-images.js';
import { isUpToDate, recordedWarnings } from './skip.js';
import type { InputFile } from './walk.js';

/**
 * `interrupted`: it was being converted when the batch was stopped (Ctrl-C, a closed stdout); `not-started`:
 * its turn never came (stopped, `--fail-fast`, a full disk).
 */
export type BatchStatus = 'converted' | 'skipped' | 'failed' | 'interrupted' | 'not-started';

/** Kept deliberately small (no document), so a batch of 100 000 files stays flat in memory. */
export interface BatchRecord {
  path: string;
  /** The name the input goes by in its output (`source.file`): its path below its input folder. */
  name: string;
  status: BatchStatus;
  /** For a failure: the error's machine-readable code (`input-empty`, `pdf-invalid`, `strict-warnings`, `internal-error`…). */
  code: string | null;
  reason: string | null;
  /** Warning codes of the document: converted now, or recorded in the up-to-date output that was skipped. */
  warnings: string[];
  output: string | null;
  seconds: number;
  pages: number;
  pagesOcr: number;
}

export interface BatchResult {
  /** Finished inputs in the order they finished, then interrupted and not-started ones in input order. */
  records: BatchRecord[];
  /** Inputs whose turn never came. */
  notStarted: number;
  /** Inputs abandoned mid-way when the batch was stopped. */
  interruptedInputs: number;
  interrupted: boolean;
  /** Why the batch stopped early on its own (a full disk, `--fail-fast`), or null. */
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
  /** A document with any warning is a failure (`strict-warnings`) and is not written. */
  strict?: boolean;
  /** Stop starting inputs after the first failure. */
  failFast?: boolean;
  read?: (path: string) => Promise<{ bytes: Uint8Array; file: string }>;
  write?: (target: string, text: string) => Promise<void>;
  signal?: AbortSignal;
  onRecord?: (record: BatchRecord) => void;
  now?: () => number;
  /** Gets every converted document with what it was made from (the review site); with it, inputs can be skipped without --out. */
  review?: BatchReview;
}

/** What a batch needs of a review site (src/review/site.ts); declared here so the batch depends on no page rendering. */
export interface BatchReview {
  /** Whether the review of these input bytes is already written: an input is skipped only when its output and its review both are. */
  isCurrent(input: InputFile, sha256: string): Promise<boolean>;
  /** Writes the review of a converted input; called before its output is written, so a failed review leaves no output either. */
  add(input: InputFile, bytes: Uint8Array | readonly Uint8Array[], conversion: Conversion): Promise<void>;
}

/** Output errors that will hit every later file too: going on would only repeat them. */
const FATAL_OUTPUT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

export async function runBatch(files: readonly InputFile[], options: BatchOptions): Promise<BatchResult> {
  const now = options.now ?? (() => performance.now());
  const read = options.read ?? defaultRead;
  const write = options.write ?? writeFileAtomic;
  const started = now();
  const records: BatchRecord[] = [];
  const state = new Array<'waiting' | 'running' | 'done'>(files.length).fill('waiting');
  let stoppedBy: string | null = null;
  let closed = false;
  const stop = (): boolean => stoppedBy !== null || options.signal?.aborted === true;

  const one = async (input: InputFile, index: number): Promise<void> => {
    state[index] = 'running';
    const t0 = now();
    const record = blankRecord(input, 'failed');
    try {
      const { bytes, hash, file } = await readInput(input, read);
      const out = options.target?.(input) ?? null;
      record.output = out;
      if (await upToDate(input, out, hash)) {
        record.status = 'skipped';
        if (out) record.warnings = await recordedWarnings(out);
      } else {
        const convertOptions = { ...options.convertOptions, fileName: input.path === '-' ? '-' : input.relative };
        const conversion = input.parts
          ? await convertImagesWithText(bytes as Uint8Array[], { ...convertOptions, partNames: input.parts.map((p) => p.slice(input.path.length + 1)) })
          : await convertWithText(bytes as Uint8Array, convertOptions);
        const { minutes: doc, lines } = conversion;
        record.warnings = doc.warnings.map((w) => w.code);
        record.pages = doc.source.pages.length;
        record.pagesOcr = doc.source.pages.filter((p) => p.text === 'ocr').length;
        if (options.strict && doc.warnings.length) {
          const codes = [...new Set(record.warnings)].join(', ');
          throw new StrictError(`${doc.warnings.length} ${doc.warnings.length === 1 ? 'warning' : 'warnings'} (--strict): ${codes}`);
        }
        const text = serialize(doc, options.format, lines);
        if (options.signal?.aborted) return; // interrupted while converting: write nothing more
        await options.review?.add(input, bytes, conversion);
        if (options.signal?.aborted) return;
        if (out) await write(out, text);
        else options.emit?.(text);
        record.status = 'converted';
      }
    } catch (error) {
      record.status = 'failed';
      record.output = null;
      record.code = codeOf(error);
      record.reason = reasonOf(error);
      const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
      if (error instanceof OutputError && cause?.code && FATAL_OUTPUT_CODES.has(cause.code)) stoppedBy ??= record.reason;
      else if (options.failFast) stoppedBy ??= `--fail-fast: ${record.path}: ${record.reason}`;
    }
    // After the batch has answered an interrupt, late finishers are neither counted nor printed.
    if (closed) return;
    state[index] = 'done';
    record.seconds = Math.round(now() - t0) / 1000;
    records.push(record);
    options.onRecord?.(record);
  };

  /** Skipped when there is something to skip to (an output or a review) and all of it records these bytes. */
  const upToDate = async (input: InputFile, out: string | null, hash: string): Promise<boolean> => {
    if (options.force || (!out && !options.review)) return false;
    if (out && !(await isUpToDate(out, hash))) return false;
    return options.review ? options.review.isCurrent(input, hash) : true;
  };

  const all = forEachLimited(files, options.jobs, one, stop);
  // On Ctrl-C the batch answers at once: in-flight conversions are abandoned, never half-written (writes are atomic).
  const aborted = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([all, aborted]);
  closed = true;
  let notStarted = 0;
  let interruptedInputs = 0;
  files.forEach((input, i) => {
    if (state[i] === 'done') return;
    const status = state[i] === 'running' ? 'interrupted' : 'not-started';
    if (status === 'interrupted') interruptedInputs++;
    else notStarted++;
    records.push(blankRecord(input, status));
  });
  return {
    records,
    notStarted,
    interruptedInputs,
    interrupted: options.signal?.aborted === true,
    stoppedBy,
    seconds: Math.round(now() - started) / 1000,
  };
}

function blankRecord(input: InputFile, status: BatchStatus): BatchRecord {
  return { path: input.path, name: input.relative, status, code: null, reason: null, warnings: [], output: null, seconds: 0, pages: 0, pagesOcr: 0 };
}

/** A folder of page images is read as all its parts; its identity for reruns is the hash of their hashes in order. */
async function readInput(input: InputFile, read: NonNullable<BatchOptions['read']>): Promise<{ bytes: Uint8Array | Uint8Array[]; hash: string; file: string }> {
  if (!input.parts) {
    const { bytes, file } = await read(input.path);
    return { bytes, hash: sha256(bytes), file };
  }
  const parts = await Promise.all(input.parts.map(async (p) => (await read(p)).bytes));
  return { bytes: parts, hash: groupSha256(parts), file: input.path };
}

/** --strict: the document converted, but has warnings. */
class StrictError extends Error {}

async function defaultRead(p: string): Promise<{ bytes: Uint8Array; file: string }> {
  return { bytes: await readFileBytes(p), file: p };
}

function codeOf(error: unknown): string {
  if (error instanceof StrictError) return 'strict-warnings';
  if (error instanceof ProtokollError) return error.code;
  return 'internal-error';
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  if (error instanceof InputError && cause?.code === 'ENOENT') return 'the file disappeared before it could be read';
  if (error instanceof ProtokollError || error instanceof StrictError) return error.message.replace(/\s+/g, ' ').trim();
  return `internal error: ${(error as Error)?.message ?? String(error)}`;
}
