// The messages between protokoll and its PDF reader process: one request at a time, one reply each.
import type { ErrorCode } from '../../errors.js';
import type { PdfPageProblem } from '../pdf-page-error.js';

export type PdfCall =
  /** Opens a document, closing the one opened before. */
  | { method: 'open'; bytes: Uint8Array; file: string; password?: string; maxImagePixels: number }
  /** The text layer; for a page without text also whether it paints anything (saves a second request). */
  | { method: 'pageLines'; page: number }
  | { method: 'hasInk'; page: number }
  | { method: 'imageDpi'; page: number }
  | { method: 'renderPage'; page: number; dpi: number; maxPixels: number };

export interface PdfRequest {
  id: number;
  call: PdfCall;
}

/** An error as it crosses the process boundary: typed errors keep their class and code. */
export type WireError =
  | { kind: 'input'; code: ErrorCode; message: string }
  | { kind: 'page'; code: PdfPageProblem; page: number; message: string }
  | { kind: 'internal'; message: string };

export interface PdfReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: WireError;
  /** What pdf.js printed while answering (its warnings: images left out, decoders that failed). */
  notes: string[];
  /**
   * How long the reader worked on the request, by its own clock. This, not the time until protokoll read the
   * reply, is charged to the page and the document: protokoll's thread may have been busy meanwhile.
   */
  workMs: number;
}

/**
 * Written to the reader's stderr right before each reply. What V8 prints there itself (stack overflows inside
 * promise callbacks) is thus attributed to the request it happened in, and never reaches the user's terminal.
 */
export const REPLY_MARK = '\u0000protokoll-pdf-reply ';

/** Written to the reader's stderr by its own memory watch right before it ends itself over its limit. */
export const OVER_MEMORY_MARK = '\u0000protokoll-pdf-over-memory\n';
