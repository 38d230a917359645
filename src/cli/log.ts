// Messages on stderr: plain lines for people, or one JSON object per event (`--log-format json`) for pipelines.
import type { StageEvent } from '../convert.js';
import type { BatchRecord } from '../batch/run.js';
import type { BatchSummary } from '../batch/summary.js';
import { formatSummary } from '../batch/summary.js';
import type { WalkSkip } from '../batch/walk.js';
import { errorLine, type Io } from './io.js';

export type LogFormat = 'text' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];

export interface LogOptions {
  format?: LogFormat;
  verbose?: boolean;
  quiet?: boolean;
  /** Where text messages go when a progress bar is drawn (so they do not tear it). */
  write?: (text: string) => void;
}

/**
 * Every event of a run goes through here. In text mode errors are one line each, stage details appear with
 * --verbose, and the summary is a table; in JSON mode each is `{"event": …}` on a line of its own.
 */
export class Log {
  readonly format: LogFormat;
  readonly verbose: boolean;
  private readonly quiet: boolean;
  write: (text: string) => void;

  constructor(private readonly io: Io, options: LogOptions = {}) {
    this.format = options.format ?? 'text';
    this.verbose = options.verbose === true;
    this.quiet = options.quiet === true;
    this.write = options.write ?? io.err;
  }

  private json(event: string, data: Record<string, unknown>): void {
    this.io.err(JSON.stringify({ event, time: new Date().toISOString(), ...data }) + '\n');
  }

  /** Errors are printed even with --quiet. */
  error(file: string | null, message: string, code: string | null = null): void {
    if (this.format === 'json') this.json('error', { file, code, message: message.replace(/\s+/g, ' ').trim() });
    else this.write(errorLine(file, message));
  }

  stage(e: StageEvent): void {
    if (!this.verbose) return;
    if (this.format === 'json') {
      this.json('stage', { file: e.file, stage: e.stage, ms: Math.round(e.ms * 10) / 10, ...e.detail });
      return;
    }
    const detail = Object.entries(e.detail).map(([k, v]) => `${k} ${v}`).join(', ');
    this.write(`protokoll: ${e.file}: ${e.stage.padEnd(8)} ${detail} (${Math.round(e.ms)} ms)\n`);
  }

  /** One input finished; in text mode the progress display prints failures, so only JSON and --verbose say more. */
  record(r: BatchRecord): void {
    if (this.format === 'json') {
      this.json('input', { path: r.path, name: r.name, status: r.status, code: r.code, reason: r.reason, output: r.output, warnings: r.warnings, seconds: r.seconds, pages: r.pages, pagesOcr: r.pagesOcr });
      return;
    }
    if (this.verbose && !this.quiet && r.status !== 'failed') {
      this.write(`protokoll: ${r.path}: ${r.status}${r.output ? ` → ${r.output}` : ''}${r.warnings.length ? ` (${r.warnings.length} warnings)` : ''} in ${r.seconds.toFixed(2)} s\n`);
    }
  }

  walkSkipped(skipped: readonly WalkSkip[]): void {
    if (this.format !== 'json') return; // the text summary lists them
    for (const w of skipped) this.json('not-input', { path: w.path, code: w.code, reason: w.reason });
  }

  progress(data: Record<string, unknown>): void {
    if (this.format === 'json' && !this.quiet) this.json('progress', data);
  }

  summary(s: BatchSummary): void {
    if (this.format === 'json') {
      const { failures: _f, walkSkipped, ...rest } = s;
      this.json('summary', { ...rest, walkSkipped: walkSkipped.length });
    } else if (!this.quiet) this.io.err(formatSummary(s, this.io.color));
  }
}
