// A pool of OCR workers shared by every page of a batch: the engine chosen once, workers started lazily, sized by --jobs, with a per-page time limit.
import os from 'node:os';
import { OcrError, UsageError } from '../errors.js';
import type { Engine, EngineInfo, EngineWorker, OcrEngineChoice } from './engine.js';
import { parseLang, type Language } from './lang.js';
import { INSTALL_HINT, NativeEngine, nativeProblem, probeNative } from './native.js';
import type { OcrPage } from './page.js';
import { TESSERACT_PARAMETERS } from './preprocess.js';

export interface OcrPoolOptions {
  /** Workers, one page each at a time (default: the number of cores). */
  jobs?: number;
  /** `swe` (default), `eng` or `swe+eng`. */
  lang?: string;
  /**
   * `auto` (default): a native `tesseract` (4.1 or later) on PATH with the languages' data, tesseract.js otherwise;
   * `native`: only the native program (an error names what to install when it is missing); `wasm`: only tesseract.js.
   */
  engine?: OcrEngineChoice;
  /** Tesseract parameters set once on every worker, over protokoll's defaults (preprocess.ts). */
  parameters?: Record<string, string>;
}

export interface RecognizeRequest {
  /** An encoded image Leptonica can read: TIFF, PNG, JPEG, PNM, GIF, WebP, BMP (the first page of a TIFF). */
  image: Uint8Array;
  /** Time limit for this page; the worker is stopped and replaced when it runs over. */
  timeoutMs?: number;
}

export type OcrResult = OcrPage;

interface Slot {
  worker: EngineWorker | null;
  starting: Promise<EngineWorker> | null;
  busy: boolean;
}

interface Job {
  request: RecognizeRequest;
  resolve: (page: OcrResult) => void;
  reject: (error: unknown) => void;
}

export class OcrPool {
  readonly jobs: number;
  readonly lang: string;
  readonly engineChoice: OcrEngineChoice;
  private readonly langs: Language[];
  private readonly parameters: Record<string, string>;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly waiters: Array<() => void> = [];
  private engineReady: Promise<Engine> | null = null;
  private engineMade: Engine | null = null;
  private closed = false;
  /** Pages recognised since the pool was made (for benchmarks and summaries). */
  pagesDone = 0;

  constructor(options: OcrPoolOptions = {}) {
    this.jobs = Math.max(1, Math.floor(options.jobs ?? os.availableParallelism()));
    this.langs = parseLang(options.lang ?? 'swe');
    this.lang = this.langs.join('+');
    this.engineChoice = options.engine ?? 'auto';
    if (!['auto', 'native', 'wasm'].includes(this.engineChoice)) throw new UsageError('usage', `unknown OCR engine "${String(this.engineChoice)}" (auto, native or wasm)`);
    this.parameters = { ...TESSERACT_PARAMETERS, ...options.parameters };
    this.slots = Array.from({ length: this.jobs }, () => ({ worker: null, starting: null, busy: false }));
  }

  /**
   * The engine that reads this pool's pages, chosen on first use: what `auto` found, or an OcrError
   * (`ocr-unavailable`) when `native` was asked for and cannot be had.
   */
  engine(): Promise<EngineInfo> {
    return this.resolveEngine().then((e) => e.info);
  }

  private resolveEngine(): Promise<Engine> {
    this.engineReady ??= (async () => {
      // Type-only imports elsewhere keep tesseract.js unloaded until a page needs it.
      let engine: Engine;
      if (this.engineChoice === 'wasm') {
        engine = await wasmEngine(this.langs, this.parameters);
      } else {
        const probe = await probeNative();
        const problem = nativeProblem(probe, this.langs);
        if (problem === null) engine = new NativeEngine(this.langs, probe.version!, this.parameters);
        else if (this.engineChoice === 'native') throw new OcrError('ocr-unavailable', `--ocr-engine native needs the tesseract program: ${problem}; ${INSTALL_HINT}`);
        else engine = await wasmEngine(this.langs, this.parameters);
      }
      if (this.closed) {
        engine.dispose();
        throw new OcrError('ocr-failed', 'OCR was stopped');
      }
      this.engineMade = engine;
      return engine;
    })();
    return this.engineReady;
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

  /** Stops every worker (native processes are killed and waited for), fails queued pages. Safe to call more than once. */
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
    await this.engineReady?.catch(() => null);
    this.engineMade?.dispose();
    this.engineMade = null;
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
    let worker: EngineWorker;
    try {
      worker = await this.ensureWorker(slot);
    } catch (error) {
      job.reject(error);
      return;
    }
    worker.idle(false);
    let timer: NodeJS.Timeout | undefined;
    try {
      const { request } = job;
      const work = worker.recognize(request.image);
      // After a timeout the stopped worker rejects the page too; the race has already been decided.
      work.catch(() => undefined);
      const limits: Array<Promise<never>> = [];
      if (request.timeoutMs !== undefined && Number.isFinite(request.timeoutMs)) {
        const ms = request.timeoutMs;
        limits.push(new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new OcrError('ocr-timeout', `OCR of the page took longer than ${Math.round(ms / 1000)} s`)), ms);
        }));
      }
      const result = await Promise.race([work, ...limits]);
      this.pagesDone++;
      job.resolve(result);
    } catch (error) {
      // A stuck or crashed worker cannot be trusted with the next page.
      if (error instanceof OcrError) this.discard(slot);
      job.reject(error);
    } finally {
      clearTimeout(timer);
      // Idle workers must not keep the process alive when a caller forgets terminate().
      slot.worker?.idle(true);
    }
  }

  private discard(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    void worker?.terminate().catch(() => undefined);
  }

  private ensureWorker(slot: Slot): Promise<EngineWorker> {
    if (slot.worker?.alive) return Promise.resolve(slot.worker);
    slot.worker = null;
    slot.starting ??= this.resolveEngine().then((engine) => engine.startWorker()).then(
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
}

async function wasmEngine(langs: readonly Language[], parameters: Readonly<Record<string, string>>): Promise<Engine> {
  const { WasmEngine } = await import('./wasm.js');
  return new WasmEngine(langs, parameters);
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
