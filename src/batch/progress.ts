// Shows batch progress on stderr: a redrawn bar on a terminal, a plain line now and then otherwise, nothing when quiet.
import type { Io } from '../cli/io.js';
import type { BatchRecord } from './run.js';
import { formatDuration } from './summary.js';

export interface ProgressOptions {
  quiet?: boolean;
  /** Seconds between plain lines when stderr is not a terminal. */
  lineInterval?: number;
  now?: () => number;
}

const BAR_WIDTH = 24;
/** Redraws faster than this only cost CPU on a terminal. */
const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private failed = 0;
  private pages = 0;
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly now: () => number;
  private readonly mode: 'bar' | 'lines' | 'off';
  private readonly lineMs: number;

  constructor(private readonly io: Io, private readonly total: number, options: ProgressOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.mode = options.quiet ? 'off' : io.errIsTty ? 'bar' : 'lines';
    this.lineMs = (options.lineInterval ?? 10) * 1000;
    // The first plain line waits a full interval: short batches print only their summary.
    if (this.mode === 'lines') this.lastDraw = this.started;
    if (this.mode === 'bar') this.draw();
  }

  /** Counts a finished input; failures are printed at once, above the bar. */
  update(record: BatchRecord): void {
    this.done++;
    this.pages += record.pages;
    if (record.status === 'failed') {
      this.failed++;
      // Even --quiet prints errors.
      this.message(`protokoll: ${record.path}: ${record.reason}\n`);
    }
    const t = this.now();
    if (this.mode === 'bar' && (t - this.lastDraw >= REDRAW_MS || this.done === this.total)) this.draw();
    if (this.mode === 'lines' && t - this.lastDraw >= this.lineMs) {
      this.lastDraw = t;
      this.io.err(`${this.status()}\n`);
    }
  }

  /** Prints a message without tearing the bar. */
  message(text: string): void {
    if (this.mode === 'bar' && this.drawn) this.io.err('\r\x1b[2K');
    this.io.err(text);
    if (this.mode === 'bar' && this.drawn) this.draw();
  }

  /** Removes the bar so the summary starts on a clean line. */
  finish(): void {
    if (this.mode === 'bar' && this.drawn) this.io.err('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    this.lastDraw = this.now();
    const filled = this.total ? Math.round((this.done / this.total) * BAR_WIDTH) : BAR_WIDTH;
    const bar = this.io.color.green('█'.repeat(filled)) + this.io.color.dim('░'.repeat(BAR_WIDTH - filled));
    this.io.err(`\r\x1b[2K${bar} ${this.status()}`);
    this.drawn = true;
  }

  status(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const left = this.done ? (elapsed / this.done) * (this.total - this.done) : null;
    const failed = this.failed ? `, ${this.failed} failed` : '';
    return `${this.done}/${this.total} files${failed} · ${this.pages} pages · ${formatDuration(elapsed)} elapsed · ${left === null ? '?' : '~' + formatDuration(left)} left`;
  }
}
