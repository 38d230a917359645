// The WebAssembly engine: tesseract.js workers (one thread each) with the language models installed from npm.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { InputError, OcrError, type ProtokollError } from '../errors.js';
import type { Engine, EngineInfo, EngineWorker } from './engine.js';
import { languageDir, type Language, type LangDir } from './lang.js';
import type { OcrPage } from './page.js';

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

export const WASM_VERSION = (createRequire(import.meta.url)('tesseract.js/package.json') as { version: string }).version;

export class WasmEngine implements Engine {
  readonly info: EngineInfo;
  private langDir: LangDir | null = null;

  constructor(private readonly langs: readonly Language[], private readonly parameters: Readonly<Record<string, string>>) {
    this.info = { engine: 'tesseract.js', version: WASM_VERSION, lang: langs.join('+') };
  }

  async startWorker(): Promise<EngineWorker> {
    this.langDir ??= languageDir(this.langs);
    let timer: NodeJS.Timeout | undefined;
    const start = Tesseract.createWorker(this.info.lang, Tesseract.OEM.LSTM_ONLY, {
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
      const own = new WasmWorker(worker);
      if (Object.keys(this.parameters).length > 0) await worker.setParameters(this.parameters);
      own.idle(true);
      return own;
    } catch (error) {
      void start.then((w) => w.terminate()).catch(() => undefined);
      throw error instanceof OcrError ? error : new OcrError('ocr-unavailable', `the OCR engine failed to start: ${message(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  dispose(): void {
    this.langDir?.dispose();
    this.langDir = null;
  }
}

class WasmWorker implements EngineWorker {
  private exited = false;
  private readonly thread: ThreadWorker | undefined;

  constructor(private readonly worker: Tesseract.Worker) {
    this.thread = (worker as unknown as { worker?: ThreadWorker }).worker ?? undefined;
    // An 'error' event without a listener would take the whole process down; a dead worker only loses its page
    // (the running job sees the 'exit') and is replaced on the next one.
    this.thread?.on('error', () => undefined);
    this.thread?.once('exit', () => { this.exited = true; });
  }

  get alive(): boolean {
    return !this.exited;
  }

  async recognize(image: Uint8Array): Promise<OcrPage> {
    let onExit: ((code: number) => void) | undefined;
    // A worker that dies (out of memory in WebAssembly) would otherwise leave the page waiting forever.
    const died = new Promise<never>((_, reject) => {
      onExit = (code) => reject(new OcrError('ocr-failed', `the OCR worker stopped unexpectedly (exit code ${code})`));
      this.thread?.once('exit', onExit);
    });
    try {
      const result = await Promise.race([this.worker.recognize(image as unknown as Buffer, {}, { text: false, blocks: true }), died]);
      return result.data as unknown as OcrPage;
    } catch (error) {
      throw error instanceof OcrError ? error : classify(error);
    } finally {
      if (onExit) this.thread?.off('exit', onExit);
    }
  }

  idle(idle: boolean): void {
    if (idle) this.thread?.unref();
    else this.thread?.ref();
  }

  async terminate(): Promise<void> {
    this.exited = true;
    await this.worker.terminate().catch(() => undefined);
  }
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
