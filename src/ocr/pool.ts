// A pool of tesseract.js workers shared by every page of a batch: created lazily, sized by --jobs, with a per-page time limit.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { InputError, OcrError, type ProtokollError } from '../errors.js';
import { languageDir, parseLang, type LangDir } from './lang.js';
import { TESSERACT_PARAMETERS } from './preprocess.js';

export interface OcrPoolOptions {
  /** Worker threads, one page each at a time (default: the number of cores). */
  jobs?: number;
  /** `swe` (default), `eng` or `swe+eng`. */
  lang?: string;
  /** Tesseract parameters set once on every worker, over protokoll's defaults (preprocess.ts). */
  parameters?: Record<string, string>;
}

export interface RecognizeRequest {
  /** An encoded image leptonica can read: PNG, JPEG, TIFF (first page), PNM, GIF, WebP, BMP. */
  image: Uint8Array;
  /** Per-call Tesseract parameters (e.g. `user_defined_dpi`), restored after the call. */
  parameters?: Record<string, string>;
  /** Let Tesseract measure the skew of the text lines and straighten the image (costs a second layout analysis). */
  deskew?: boolean;
  /** Rotate the image by this angle before reading (Tesseract's sign: what its own skew measure would return). */
  rotateRadians?: number;
  /** Time limit for this page; the worker is killed and replaced when it runs over. */
  timeoutMs?: number;
}

/** Kept structural, so tests and the page reader need not import tesseract.js's types. */
export type OcrResult = Tesseract.Page;

interface Slot {
  worker: Tesseract.Worker | null;
  starting: Promise<Tesseract.Worker> | null;
  busy: boolean;
}

interface Job {
  request: RecognizeRequest;
  resolve: (page: OcrResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Our own thread entry (worker.ts, compiled), which silences the engine's console output. Run from the
 * TypeScript sources (tests) there is no compiled entry beside this file, and the build's is used; without a
 * build, tesseract.js's own.
 */
const OWN_WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
const BUILT_WORKER = fileURLToPath(new URL('../../dist/ocr/worker.js', import.meta.url));
const WORKER_PATH = [OWN_WORKER, BUILT_WORKER].find((p) => fs.existsSync(p));

/** A worker whose language data went missing hangs instead of failing; this bounds the wait. */
const START_TIMEOUT_MS = 120_000;

export class OcrPool {
  readonly jobs: number;
  readonly lang: string;
  private readonly parameters: Record<string, string>;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly waiters: Array<() => void> = [];
  private langDir: LangDir | null = null;
  private closed = false;
  /** Pages recognised since the pool was made (for benchmarks and summaries). */
  pagesDone = 0;

  constructor(options: OcrPoolOptions = {}) {
    this.jobs = Math.max(1, Math.floor(options.jobs ?? os.availableParallelism()));
    const langs = parseLang(options.lang ?? 'swe');
    this.lang = langs.join('+');
    this.parameters = { ...TESSERACT_PARAMETERS, ...options.parameters };
    this.slots = Array.from({ length: this.jobs }, () => ({ worker: null, starting: null, busy: false }));
  }

  /** Recognises one page image. Pages queue when every worker is busy. */
  recognize(request: RecognizeRequest): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new OcrError('ocr-failed', 'the OCR pool has been shut down'));
    return new Promise<OcrResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /**
   * Resolves when the pool can take another page without a backlog: producers (a PDF being rendered page
   * by page, several documents of a batch) wait here, so memory holds about one page per worker and no more.
   */
  ready(): Promise<void> {
    if (this.closed || this.queue.length < this.jobs) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Pages waiting for a worker plus pages being read. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.busy).length;
  }

  /** Stops every worker and fails queued pages. Safe to call more than once. */
  async terminate(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new OcrError('ocr-failed', 'OCR was stopped'));
    for (const wake of this.waiters.splice(0)) wake();
    await Promise.all(this.slots.map(async (slot) => {
      const worker = slot.worker ?? (await slot.starting?.catch(() => null)) ?? null;
      slot.worker = null;
      await worker?.terminate().catch(() => undefined);
    }));
    this.langDir?.dispose();
    this.langDir = null;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const job = this.queue.shift()!;
      this.waiters.shift()?.();
      slot.busy = true;
      this.run(slot, job).finally(() => {
        slot.busy = false;
        if (!this.closed) this.pump();
      });
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    let worker: Tesseract.Worker;
    try {
      worker = await this.ensureWorker(slot);
    } catch (error) {
      job.reject(error);
      return;
    }
    const thread = threadOf(worker);
    thread?.ref();
    let timer: NodeJS.Timeout | undefined;
    let onExit: ((code: number) => void) | undefined;
    try {
      const { request } = job;
      const options: Record<string, unknown> = { ...request.parameters };
      if (request.deskew) options.rotateAuto = true;
      else if (request.rotateRadians) options.rotateRadians = request.rotateRadians;
      const work = worker.recognize(request.image as unknown as Buffer, options, { text: false, blocks: true });
      const limits: Array<Promise<never>> = [];
      if (request.timeoutMs !== undefined && Number.isFinite(request.timeoutMs)) {
        const ms = request.timeoutMs;
        limits.push(new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new OcrError('ocr-timeout', `OCR of the page took longer than ${Math.round(ms / 1000)} s`)), ms);
        }));
      }
      // A worker that dies (out of memory in WebAssembly) would otherwise leave the page waiting forever.
      limits.push(new Promise<never>((_, reject) => {
        onExit = (code) => reject(new OcrError('ocr-failed', `the OCR worker stopped unexpectedly (exit code ${code})`));
        thread?.once('exit', onExit);
      }));
      const result = await Promise.race([work, ...limits]);
      this.pagesDone++;
      job.resolve(result.data);
    } catch (error) {
      // A stuck or crashed worker cannot be trusted with the next page.
      if (error instanceof OcrError) this.discard(slot);
      job.reject(error instanceof OcrError ? error : classify(error));
    } finally {
      clearTimeout(timer);
      if (onExit) thread?.off('exit', onExit);
      // Idle workers must not keep the process alive when a caller forgets terminate().
      threadOf(slot.worker)?.unref();
    }
  }

  private discard(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    void worker?.terminate().catch(() => undefined);
  }

  private ensureWorker(slot: Slot): Promise<Tesseract.Worker> {
    if (slot.worker) return Promise.resolve(slot.worker);
    slot.starting ??= this.startWorker().then(
      (worker) => {
        slot.starting = null;
        if (this.closed) {
          void worker.terminate();
          throw new OcrError('ocr-failed', 'OCR was stopped');
        }
        slot.worker = worker;
        return worker;
      },
      (error: unknown) => {
        slot.starting = null;
        throw error;
      },
    );
    return slot.starting;
  }

  private async startWorker(): Promise<Tesseract.Worker> {
    this.langDir ??= languageDir(parseLang(this.lang));
    let timer: NodeJS.Timeout | undefined;
    const start = Tesseract.createWorker(this.lang, Tesseract.OEM.LSTM_ONLY, {
      langPath: this.langDir.dir,
      ...(WORKER_PATH ? { workerPath: WORKER_PATH } : {}),
      gzip: true,
      // Any other cache method reads and writes <lang>.traineddata in the current directory.
      cacheMethod: 'none',
      // tesseract.js rethrows worker errors from a message handler (an uncaught exception) unless this is set;
      // the failing call still rejects.
      errorHandler: () => undefined,
      // `logger: undefined` crashes tesseract.js; a no-op does not.
      logger: () => undefined,
    });
    try {
      const worker = await Promise.race([
        start,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new OcrError('ocr-unavailable', 'the OCR engine did not start')), START_TIMEOUT_MS);
        }),
      ]);
      // An 'error' event without a listener would take the whole process down; a dead worker only loses its page
      // (the running job sees the 'exit') and is replaced on the next one.
      const thread = threadOf(worker);
      thread?.on('error', () => undefined);
      thread?.once('exit', () => {
        for (const slot of this.slots) if (slot.worker === worker) slot.worker = null;
      });
      if (Object.keys(this.parameters).length > 0) await worker.setParameters(this.parameters);
      thread?.unref();
      return worker;
    } catch (error) {
      void start.then((w) => w.terminate()).catch(() => undefined);
      throw error instanceof OcrError ? error : new OcrError('ocr-unavailable', `the OCR engine failed to start: ${message(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

function threadOf(worker: Tesseract.Worker | null | undefined): ThreadWorker | undefined {
  return (worker as unknown as { worker?: ThreadWorker } | null | undefined)?.worker ?? undefined;
}

function message(error: unknown): string {
  return String((error as { message?: unknown })?.message ?? error).replace(/\s+/g, ' ').trim();
}

/** Leptonica's "cannot read" is the input's fault; anything else is the engine's. */
function classify(error: unknown): ProtokollError {
  const text = message(error);
  // The engine's image decoders (Leptonica's, and bmp-js for BMP) are the only part that reads the input's bytes:
  // an out-of-range read or an empty result from them is a damaged image.
  if (/read image|image file|pixRead|Error attempting|ERR_OUT_OF_RANGE|out of range|Unexpected end of JSON/i.test(text)) {
    return new InputError('image-invalid', `the image cannot be decoded (${text})`, { cause: error });
  }
  return new OcrError('ocr-failed', `OCR failed: ${text}`, { cause: error });
}

/**
 * Terminates the pool when the process is interrupted, then lets the signal take its usual course.
 * The CLI calls this once for the pool it shares between documents; library users own their pools.
 */
export function terminateOnSignals(pool: OcrPool, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): () => void {
  const handlers = signals.map((signal) => {
    const handler = () => {
      remove();
      void pool.terminate().finally(() => process.kill(process.pid, signal));
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  const remove = () => { for (const [signal, handler] of handlers) process.off(signal, handler); };
  return remove;
}
