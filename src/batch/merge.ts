// Joins the --report files of several shards (or queue runs) into one report of the same shape, field by field.
import { ProtokollError } from '../errors.js';
import type { BatchReport } from './report.js';

export interface NamedReport {
  /** Where the report came from, for messages. */
  file: string;
  report: unknown;
}

export interface MergedReport {
  report: BatchReport;
  /** Things worth telling the operator that do not make the merge wrong (a shard missing). */
  notes: string[];
}

type Summary = Record<string, unknown>;

/** Wall-clock figures: shards run side by side, so the merged run took as long as the longest one. */
const LONGEST = new Set(['seconds']);

export function mergeReports(inputs: readonly NamedReport[]): MergedReport {
  const reports = inputs.map(checkShape);
  const seen = new Map<string, string>();
  const entries: BatchReport['inputs'] = [];
  for (const { file, report } of reports) {
    for (const entry of report.inputs) {
      const earlier = seen.get(entry.path);
      if (earlier !== undefined) {
        throw new ProtokollError('report-invalid', `${entry.path} is in both ${earlier} and ${file}: shards overlap or one ran twice; merge one report per shard`, { file });
      }
      seen.set(entry.path, file);
      entries.push(entry);
    }
  }
  const notes = shardNotes(reports);
  const merged: Record<string, unknown> = {};
  const keys = [...new Set(reports.flatMap((r) => Object.keys(r.report)))];
  for (const key of keys) {
    const values = reports.map((r) => (r.report as unknown as Record<string, unknown>)[key]).filter((v) => v !== undefined);
    if (key === 'summary') merged[key] = mergeSummaries(values as Summary[]);
    else if (key === 'inputs') merged[key] = entries;
    // Other lists (what each walk left out) simply join.
    else if (values.every((v) => Array.isArray(v))) merged[key] = (values as unknown[][]).flat();
    // When the reports were finished: the last one.
    else if (key === 'finishedAt') merged[key] = [...(values as string[])].sort().at(-1);
    else {
      merged[key] = values[0];
      const differing = new Set(values.map((v) => JSON.stringify(v)));
      if (differing.size > 1) notes.push(`the reports differ in "${key}" (${[...differing].join(', ')}); the merged report keeps ${JSON.stringify(values[0])}`);
    }
  }
  return { report: merged as unknown as BatchReport, notes };
}

function checkShape(input: NamedReport): { file: string; report: BatchReport } {
  const r = input.report as Partial<BatchReport> | null;
  if (!r || typeof r !== 'object' || !r.summary || typeof r.summary !== 'object' || !Array.isArray(r.inputs)) {
    throw new ProtokollError('report-invalid', 'not a protokoll report (expected an object with "summary" and "inputs", as written by --report)', { file: input.file });
  }
  for (const entry of r.inputs) {
    if (!entry || typeof (entry as { path?: unknown }).path !== 'string') {
      throw new ProtokollError('report-invalid', 'an entry of "inputs" has no path', { file: input.file });
    }
  }
  return { file: input.file, report: r as BatchReport };
}

/**
 * Field by field, by the kind of value, so fields added to the report later merge without changes here: counts add
 * up, wall-clock seconds take the longest, flags are true if any is, tallies by code add up per code, and anything
 * else keeps its first non-null value.
 */
function mergeSummaries(summaries: readonly Summary[]): Summary {
  const out: Summary = {};
  const keys = [...new Set(summaries.flatMap((s) => Object.keys(s)))].filter((k) => k !== 'shard');
  for (const key of keys) {
    const values = summaries.map((s) => s[key]).filter((v) => v !== undefined);
    if (values.every((v) => typeof v === 'number')) {
      const numbers = values as number[];
      out[key] = LONGEST.has(key) ? Math.max(...numbers) : Math.round(numbers.reduce((a, b) => a + b, 0) * 1000) / 1000;
    } else if (values.every((v) => typeof v === 'boolean')) {
      out[key] = values.some(Boolean);
    } else if (values.every((v) => Array.isArray(v))) {
      out[key] = (values as unknown[][]).flat();
    } else if (values.every(isTally)) {
      const tally: Record<string, number> = {};
      for (const v of values as Record<string, number>[]) for (const [code, n] of Object.entries(v)) tally[code] = (tally[code] ?? 0) + n;
      out[key] = tally;
    } else {
      out[key] = values.find((v) => v !== null) ?? null;
    }
  }
  return out;
}

function isTally(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((n) => typeof n === 'number');
}

function shardNotes(reports: readonly { file: string; report: BatchReport }[]): string[] {
  const shards = reports.map((r) => ({ file: r.file, shard: (r.report.summary as { shard?: { index: number; count: number } }).shard }));
  const withShard = shards.filter((s) => s.shard);
  if (withShard.length === 0) return [];
  const counts = new Set(withShard.map((s) => s.shard!.count));
  if (counts.size > 1) {
    throw new ProtokollError('report-invalid', `the reports come from different splits (${[...counts].map((n) => `n=${n}`).join(', ')}): merge the shards of one run`);
  }
  const count = [...counts][0]!;
  const byIndex = new Map<number, string>();
  for (const s of withShard) {
    const other = byIndex.get(s.shard!.index);
    if (other) throw new ProtokollError('report-invalid', `shard ${s.shard!.index}/${count} is in both ${other} and ${s.file}`, { file: s.file });
    byIndex.set(s.shard!.index, s.file);
  }
  const notes: string[] = [];
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) notes.push(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: the merged report covers ${count - missing.length} of ${count} shards`);
  const plain = shards.length - withShard.length;
  if (plain) notes.push(`${plain} report${plain > 1 ? 's were' : ' was'} not written by a --shard run`);
  return notes;
}
