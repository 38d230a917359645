// Draws "OCR: pages done / total" on a terminal's stderr while pages are read; silent when stderr is not a terminal.
import type { OcrProgress } from './documents.js';

export interface OcrProgressOptions {
  /** Where to draw (default process.stderr). */
  stream?: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown };
  /** Redraws closer together than this only cost CPU (ms). */
  interval?: number;
  now?: () => number;
}

/**
 * Sums the progress of every document of a batch (each reports its own pages as readInput's `onProgress`)
 * into one line, redrawn in place. `update` is the callback to pass; `clear` removes the line before other output.
 */
export class OcrProgressLine {
  private readonly files = new Map<string, { done: number; total: number }>();
  private readonly stream: NonNullable<OcrProgressOptions['stream']>;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly enabled: boolean;
  private last = -Infinity;
  private shown = false;
  private closed = false;

  constructor(options: OcrProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.interval = options.interval ?? 100;
    this.now = options.now ?? (() => performance.now());
    this.enabled = this.stream.isTTY === true;
  }

  readonly update = (event: OcrProgress): void => {
    this.files.set(event.file, { done: event.pagesDone, total: event.pagesTotal });
    if (!this.enabled || this.closed) return;
    const t = this.now();
    const finished = event.pagesDone === event.pagesTotal;
    if (t - this.last < this.interval && !finished) return;
    this.last = t;
    this.draw();
  };

  /** Pages done and known so far, over all documents. */
  get counts(): { done: number; total: number } {
    let done = 0;
    let total = 0;
    for (const f of this.files.values()) {
      done += f.done;
      total += f.total;
    }
    return { done, total };
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  /** Clears the line for good: pages still finishing after an interrupt must not draw it again. */
  close(): void {
    this.clear();
    this.closed = true;
  }

  private draw(): void {
    const { done, total } = this.counts;
    this.stream.write(`\r\x1b[2KOCR: ${done}/${total} pages`);
    this.shown = true;
  }
}
