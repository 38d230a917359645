// Sums up a batch (counts, failures with reasons, files left out by the walk, warnings by code, OCR'd pages, time) and prints it as a table.
import type { Io } from '../cli/io.js';
import type { BatchResult } from './run.js';
import type { WalkSkip } from './walk.js';

export interface BatchSummary {
  total: number;
  converted: number;
  skipped: number;
  failed: number;
  /** Inputs whose turn never came (the batch was stopped). */
  notStarted: number;
  /** Inputs abandoned mid-way by an interrupt. */
  interruptedInputs: number;
  failures: { path: string; code: string; reason: string }[];
  /** Files and folders the walk left out, with the reason (not inputs: they do not count in `total`). */
  walkSkipped: WalkSkip[];
  /** Warning codes of converted documents and of skipped up-to-date outputs. */
  warningsByCode: Record<string, number>;
  pages: number;
  pagesOcr: number;
  seconds: number;
  interrupted: boolean;
  stoppedBy: string | null;
  /** Set when the batch converted one shard (`--shard i/n`), so merged reports can tell whether all shards are there. */
  shard?: { index: number; count: number };
  /** The review site written with the batch (--review, protokoll review): where, how many documents, bytes on disk. */
  review?: { dir: string; documents: number; bytes: number };
}

export function summarize(result: BatchResult, total: number, walkSkipped: readonly WalkSkip[] = []): BatchSummary {
  const s: BatchSummary = {
    total, converted: 0, skipped: 0, failed: 0, notStarted: result.notStarted, interruptedInputs: result.interruptedInputs ?? 0,
    failures: [], walkSkipped: [...walkSkipped], warningsByCode: {},
    pages: 0, pagesOcr: 0, seconds: result.seconds, interrupted: result.interrupted, stoppedBy: result.stoppedBy,
  };
  for (const r of result.records) {
    if (r.status === 'converted' || r.status === 'skipped' || r.status === 'failed') s[r.status]++;
    if (r.status === 'failed') s.failures.push({ path: r.path, code: r.code ?? 'internal-error', reason: r.reason ?? 'unknown' });
    for (const code of r.warnings) s.warningsByCode[code] = (s.warningsByCode[code] ?? 0) + 1;
    s.pages += r.pages;
    s.pagesOcr += r.pagesOcr;
  }
  return s;
}

export function formatDuration(seconds: number): string {
  const t = Math.max(0, Math.round(seconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Files left out by the walk are listed up to this many; the report has them all. */
const WALK_SKIPPED_SHOWN = 20;

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function formatSummary(s: BatchSummary, color: Io['color']): string {
  const row = (label: string, value: string): string => `  ${label.padEnd(12)} ${value}\n`;
  const notDone = s.notStarted + s.interruptedInputs;
  let out = '\n';
  if (s.interrupted) out += color.yellow(`Interrupted: ${notDone} of ${s.total} inputs not converted.\n`);
  if (s.stoppedBy) out += color.red(`Stopped early: ${s.stoppedBy}; ${notDone} of ${s.total} inputs not converted.\n`);
  out += row('converted', color.green(String(s.converted)));
  out += row('skipped', `${s.skipped}${s.skipped ? ' (up to date)' : ''}`);
  out += row('failed', s.failed ? color.red(String(s.failed)) : '0');
  for (const f of s.failures) out += `    ${f.path}: ${f.reason}\n`;
  if (notDone) out += row('not done', `${notDone}${s.interruptedInputs ? ` (${s.interruptedInputs} interrupted)` : ''}`);
  if (s.walkSkipped.length) {
    out += row('not inputs', String(s.walkSkipped.length));
    for (const w of s.walkSkipped.slice(0, WALK_SKIPPED_SHOWN)) out += `    ${w.path}: ${w.reason}\n`;
    if (s.walkSkipped.length > WALK_SKIPPED_SHOWN) out += `    … and ${s.walkSkipped.length - WALK_SKIPPED_SHOWN} more (all are in --report)\n`;
  }
  const codes = Object.entries(s.warningsByCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  out += row('warnings', codes.length ? color.yellow(String(codes.reduce((n, [, c]) => n + c, 0))) : '0');
  for (const [code, n] of codes) out += `    ${code.padEnd(28)} ${n}\n`;
  out += row('pages OCR\'d', String(s.pagesOcr));
  if (s.review) out += row('review', `${s.review.dir}: ${s.review.documents} document${s.review.documents === 1 ? '' : 's'}, ${formatBytes(s.review.bytes)} (open ${s.review.dir.replace(/[\\/]+$/, '')}/index.html)`);
  out += row('time', `${formatDuration(s.seconds)} (${s.seconds.toFixed(1)} s)`);
  return out;
}
