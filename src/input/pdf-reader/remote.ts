// One PDF read in a reader process, with a time budget per page and per document; a page over its budget is skipped.
import { InputError } from '../../errors.js';
import type { RawPage } from '../../document.js';
import type { Warning } from '../../schema/minutes.js';
import { MAX_IMAGE_PIXELS } from '../image.js';
import { PdfPageError } from '../pdf-page-error.js';
import type { RenderedPage } from '../pdf.js';
import { pageNotes } from './notes.js';
import type { PdfReaderPool } from './pool.js';
import type { PdfCall, WireError } from './protocol.js';
import { ReaderStopped, type ReaderProcess } from './reader-process.js';

/** Reading one page (text layer, drawing instructions, rendering) may take this long; OCR has its own limit. */
export const DEFAULT_PDF_PAGE_TIMEOUT_MS = 20_000;
/** Reading one whole PDF (OCR not counted) may take this long. */
export const DEFAULT_PDF_TIMEOUT_MS = 120_000;

export interface RemotePdfOptions {
  password?: string;
  pageTimeoutMs?: number;
  timeoutMs?: number;
  /** Images inside the PDF above this many pixels are left out (default 100 megapixels). */
  maxImagePixels?: number;
}

type PageCall = Exclude<PdfCall, { method: 'open' }>;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export class RemotePdf {
  private reader: ReaderProcess | null = null;
  private opened = false;
  private closed = false;
  private pages = 0;
  private docLeft: number;
  private readonly pageLeft = new Map<number, number>();
  private readonly notes = new Map<number, Warning[]>();
  /** Whether a page paints anything, learnt with its text layer. */
  private readonly ink = new Map<number, boolean>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pageTimeoutMs: number;
  private readonly timeoutMs: number;
  private readonly maxImagePixels: number;

  constructor(private readonly pool: PdfReaderPool, private readonly bytes: Uint8Array, readonly file: string, private readonly options: RemotePdfOptions = {}) {
    this.pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PDF_PAGE_TIMEOUT_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
    this.maxImagePixels = options.maxImagePixels ?? MAX_IMAGE_PIXELS;
    this.docLeft = this.timeoutMs;
  }

  /** Opens the document (in a reader process) and returns its page count. */
  pageCount(): Promise<number> {
    return this.serial(async () => {
      await this.open();
      return this.pages;
    });
  }

  async pageLines(n: number): Promise<RawPage> {
    const { page, ink } = await (this.call({ method: 'pageLines', page: n }) as Promise<{ page: RawPage; ink: boolean }>);
    this.ink.set(n, ink);
    return page;
  }

  async hasInk(n: number): Promise<boolean> {
    return this.ink.get(n) ?? (await (this.call({ method: 'hasInk', page: n }) as Promise<boolean>));
  }

  imageDpi(n: number): Promise<number | null> {
    return this.call({ method: 'imageDpi', page: n }) as Promise<number | null>;
  }

  renderPage(n: number, dpi: number, maxPixels: number): Promise<RenderedPage> {
    return this.call({ method: 'renderPage', page: n, dpi, maxPixels }) as Promise<RenderedPage>;
  }

  /** What pdf.js left out of page n while reading it (images over the limit, undecodable images, deep nesting). */
  pageWarnings(n: number): Warning[] {
    return this.notes.get(n) ?? [];
  }

  /**
   * Gives the reader back to the pool. The document stays open in it until the reader opens the next one (or
   * ends, idle): a request to close it would cost every document one more round trip.
   */
  async destroy(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
    const reader = this.reader;
    this.reader = null;
    if (reader) this.pool.release(reader);
  }

  /** Requests run one at a time: pdf.js is single-threaded anyway, and a kill then ends only the request it was for. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async open(): Promise<void> {
    if (this.closed) throw new InputError('pdf-invalid', 'the PDF was closed while being read', { file: this.file });
    if (this.opened && this.reader?.alive) return;
    if (this.reader) this.pool.release(this.reader);
    this.reader = null;
    try {
      this.reader = this.pool.acquire();
    } catch (error) {
      throw new InputError('pdf-unreadable', `the PDF could not be read: ${(error as Error).message}`, { file: this.file, cause: error });
    }
    this.opened = false;
    const call: PdfCall = { method: 'open', bytes: this.bytes, file: this.file, password: this.options.password, maxImagePixels: this.maxImagePixels };
    const value = await this.timed(call, this.docLeft, null, true);
    this.pages = value as number;
    this.opened = true;
  }

  private call(call: PageCall): Promise<unknown> {
    return this.serial(async () => {
      await this.open();
      const n = call.page;
      const left = this.pageLeft.get(n) ?? this.pageTimeoutMs;
      if (left <= 0) throw this.pageTimeout(n);
      return this.timed(call, Math.min(left, this.docLeft), n, this.docLeft <= left);
    });
  }

  /** Runs one request within `limitMs`, charging its time (not the reader's start) to the document and, for a page request, the page. */
  private async timed(call: PdfCall, limitMs: number, n: number | null, byDocument: boolean): Promise<unknown> {
    if (this.docLeft <= 0) throw this.documentTimeout();
    const reader = this.reader!;
    let answer;
    try {
      answer = await reader.request(call, limitMs);
    } catch (error) {
      this.opened = false;
      if (!(error instanceof ReaderStopped)) throw error;
      this.charge(n, error.elapsedMs);
      if (error.reason === 'timeout') throw byDocument || n === null ? this.documentTimeout() : this.pageTimeout(n);
      if (n === null) {
        throw new InputError(error.reason === 'memory' ? 'pdf-memory-limit' : 'pdf-invalid', `the PDF cannot be opened: ${error.message}`, { file: this.file });
      }
      if (error.reason === 'memory') throw new PdfPageError('pdf-page-memory', n, `page ${n} was skipped: ${error.message}`);
      throw new PdfPageError('pdf-page-damaged', n, `page ${n} was skipped: ${error.message}`);
    }
    this.charge(n, answer.elapsedMs);
    if (n !== null) this.addNotes(n, [...answer.reply.notes, answer.stderr]);
    if (!answer.reply.ok) throw this.unwire(answer.reply.error!);
    return answer.reply.value;
  }

  private charge(n: number | null, ms: number): void {
    this.docLeft -= ms;
    if (n !== null) this.pageLeft.set(n, (this.pageLeft.get(n) ?? this.pageTimeoutMs) - ms);
  }

  private addNotes(n: number, lines: string[]): void {
    const found = pageNotes(n, lines, this.maxImagePixels);
    if (!found.length) return;
    const known = this.notes.get(n) ?? [];
    for (const w of found) if (!known.some((k) => k.code === w.code)) known.push(w);
    this.notes.set(n, known);
  }

  private pageTimeout(n: number): PdfPageError {
    return new PdfPageError('pdf-page-timeout', n, `page ${n} was skipped: reading it took longer than ${seconds(this.pageTimeoutMs)}, the limit per page`);
  }

  private documentTimeout(): InputError {
    return new InputError('pdf-timeout', `reading the PDF took longer than ${seconds(this.timeoutMs)}, the limit per document`, { file: this.file });
  }

  private unwire(error: WireError): Error {
    if (error.kind === 'page') return new PdfPageError(error.code, error.page, error.message);
    if (error.kind === 'input') return new InputError(error.code, error.message, { file: this.file });
    return new InputError('pdf-invalid', `the PDF cannot be read (${error.message})`, { file: this.file });
  }
}
