// Shows batch progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise, nothing when quiet.
import type { Io } from '../cli/io.js';
import type { OcrProgress } from '../ocr/documents.js';
import type { BatchRecord } from './run.js';
import { formatDuration } from './summary.js';

export interface ProgressOptions {
  quiet?: boolean;
  /** Seconds between plain lines when stderr is not a terminal. */
  lineInterval?: number;
  now?: () => number;
  /** Plain lines go here instead of stderr (e.g. as JSON progress events). */
  line?: (status: ProgressStatus) => void;
}

export interface ProgressStatus { files: number; filesTotal: number; failed: number; pagesDone: number; pagesKnown: number; elapsed: number }

const BAR_WIDTH = 24;
/** Redraws faster than this only cost CPU on a terminal. */
const REDRAW_MS = 100;

/**
 * Counts files as they finish and pages as they are read (OCR reports each page of a document in progress),
 * so a batch of long scans shows movement long before its first file is done.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  /** Pages of finished documents. */
  private pages = 0;
  /** Pages read and known so far of documents still in progress, by document name. */
  private readonly reading = new Map<string, { done: number; total: number }>();
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly mode: 'bar' | 'lines' | 'off';
  private readonly lineMs: number;

  constructor(private readonly io: Io, private readonly total: number, private readonly options: ProgressOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.mode = options.quiet ? 'off' : options.line || !io.errIsTty ? 'lines' : 'bar';
    this.lineMs = (options.lineInterval ?? 10) * 1000;
    if (this.mode === 'bar') this.draw();
    // A plain line every interval, whether or not a file finished: a single long scan must not look stuck.
    // The first waits a full interval, so short batches print only their summary.
    if (this.mode === 'lines') {
      this.lastDraw = this.started;
      this.timer = setInterval(() => { if (this.now() - this.lastDraw >= this.lineMs * 0.9) this.printLine(); }, this.lineMs);
      this.timer.unref();
    }
  }

  /** The `onProgress` callback for convert(): pages of a document as they are read. */
  readonly page = (event: OcrProgress): void => {
    if (this.closed) return;
    this.reading.set(event.file, { done: event.pagesDone, total: event.pagesTotal });
    if (this.mode === 'bar' && this.now() - this.lastDraw >= REDRAW_MS) this.draw();
  };

  /** Counts a finished input; failures are printed at once, above the bar. */
  update(record: BatchRecord): void {
    if (this.closed) return;
    this.done++;
    this.pages += record.pages;
    this.reading.delete(record.name);
    if (record.status === 'failed') this.failed++;
    const t = this.now();
    if (this.mode === 'bar' && (t - this.lastDraw >= REDRAW_MS || this.done === this.total)) this.draw();
    if (this.mode === 'lines' && t - this.lastDraw >= this.lineMs) this.printLine();
  }

  /** Prints a message without tearing the bar; nothing after finish() (the summary is the last word). */
  message(text: string): void {
    if (this.closed) return;
    if (this.mode === 'bar' && this.drawn) this.io.err('\r\x1b[2K');
    this.io.err(text);
    if (this.mode === 'bar' && this.drawn) this.draw();
  }

  /** Removes the bar so the summary starts on a clean line, and stops drawing for good. */
  finish(): void {
    if (this.mode === 'bar' && this.drawn) this.io.err('\r\x1b[2K');
    this.drawn = false;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private printLine(): void {
    if (this.closed) return;
    this.lastDraw = this.now();
    if (this.options.line) this.options.line(this.counts());
    else this.io.err(`${this.status()}\n`);
  }

  private draw(): void {
    this.lastDraw = this.now();
    const filled = this.total ? Math.round((this.done / this.total) * BAR_WIDTH) : BAR_WIDTH;
    const bar = this.io.color.green('█'.repeat(filled)) + this.io.color.dim('░'.repeat(BAR_WIDTH - filled));
    this.io.err(`\r\x1b[2K${bar} ${this.status()}`);
    this.drawn = true;
  }

  counts(): ProgressStatus {
    let pagesDone = this.pages;
    let pagesKnown = this.pages;
    for (const r of this.reading.values()) {
      pagesDone += r.done;
      pagesKnown += r.total;
    }
    return { files: this.done, filesTotal: this.total, failed: this.failed, pagesDone, pagesKnown, elapsed: (this.now() - this.started) / 1000 };
  }

  status(): string {
    const c = this.counts();
    const left = this.done ? (c.elapsed / this.done) * (this.total - this.done) : null;
    const failed = this.failed ? `, ${this.failed} failed` : '';
    const pages = c.pagesKnown > c.pagesDone ? `${c.pagesDone}/${c.pagesKnown} pages` : `${c.pagesDone} pages`;
    return `${this.done}/${this.total} files${failed} · ${pages} · ${formatDuration(c.elapsed)} elapsed · ${left === null ? '?' : '~' + formatDuration(left)} left`;
  }
}
