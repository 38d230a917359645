// Writes the batch report (--report): the summary plus one record per input, as JSON.
import { writeFileAtomic } from '../output/write.js';
import type { BatchRecord } from './run.js';
import type { BatchSummary } from './summary.js';

export interface BatchReport {
  summary: Omit<BatchSummary, 'failures'>;
  inputs: { path: string; status: BatchRecord['status']; reason: string | null; warnings: string[]; output: string | null; seconds: number }[];
}

export function buildReport(summary: BatchSummary, records: readonly BatchRecord[]): BatchReport {
  const { failures: _failures, ...rest } = summary;
  return {
    summary: rest,
    inputs: records.map((r) => ({ path: r.path, status: r.status, reason: r.reason, warnings: r.warnings, output: r.output, seconds: r.seconds })),
  };
}

export async function writeReport(file: string, summary: BatchSummary, records: readonly BatchRecord[]): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(buildReport(summary, records), null, 2) + '\n');
}
