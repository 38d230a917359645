// The contract between the OCR pool and an engine: tesseract.js (WebAssembly, from npm) or a native `tesseract` program.
import type { OcrInfo } from '../schema/minutes.js';
import type { OcrPage } from './page.js';

/** `auto` takes a native `tesseract` when one with the languages is installed, and tesseract.js otherwise. */
export const OCR_ENGINES = ['auto', 'native', 'wasm'] as const;
export type OcrEngineChoice = (typeof OCR_ENGINES)[number];

/** What read a page, as recorded in the output's `source.pages[].ocr` (schema/minutes.ts). */
export type EngineInfo = OcrInfo;

/** One worker: reads one page at a time, keeping its language model loaded between pages. */
export interface EngineWorker {
  /**
   * Reads an encoded page image (TIFF, PNG, JPEG, PNM…, as Leptonica reads them). Rejects with an OcrError when
   * the worker dies, with an InputError when the image cannot be decoded.
   */
  recognize(image: Uint8Array): Promise<OcrPage>;
  /** False once the worker has stopped (crashed, killed, or its process ended); the pool then starts another. */
  readonly alive: boolean;
  /** Stops the worker now, abandoning a page in progress; resolves once it is gone. */
  terminate(): Promise<void>;
  /** Lets the process exit while this worker is idle (a caller that forgot terminate() must not hang). */
  idle(idle: boolean): void;
}

export interface Engine {
  readonly info: EngineInfo;
  startWorker(): Promise<EngineWorker>;
  /** Releases what the engine holds for its workers (temporary folders); safe to call more than once. */
  dispose(): void;
}
