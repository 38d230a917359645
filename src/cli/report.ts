// `protokoll report merge`: joins the --report files of shards (or of queue runs) into one report of the same shape.
import fs from 'node:fs/promises';
import { Command } from 'commander';
import { mergeReports, type NamedReport } from '../batch/merge.js';
import { formatSummary, type BatchSummary } from '../batch/summary.js';
import { ProtokollError } from '../errors.js';
import { writeFileAtomic } from '../output/write.js';
import { errorLine, type Io } from './io.js';

interface MergeCliOptions { out?: string; quiet?: boolean }

export async function runReportMerge(files: readonly string[], opts: MergeCliOptions, io: Io): Promise<number> {
  const named: NamedReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      io.err(errorLine(file, `cannot read the report: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`));
      return 1;
    }
    try {
      named.push({ file, report: JSON.parse(text) });
    } catch {
      throw new ProtokollError('report-invalid', 'not JSON: expected a report written by --report', { file });
    }
  }
  const { report, notes } = mergeReports(named);
  for (const note of notes) io.err(`protokoll: note: ${note}\n`);
  const text = JSON.stringify(report, null, 2) + '\n';
  if (opts.out) await writeFileAtomic(opts.out, text);
  else io.out(text);
  if (!opts.quiet) {
    const failures = report.inputs.filter((i) => i.status === 'failed').map((i) => ({ path: i.path, code: i.code ?? 'internal-error', reason: i.reason ?? 'unknown' }));
    io.err(`protokoll: merged ${files.length} report${files.length === 1 ? '' : 's'}, ${report.inputs.length} inputs\n`);
    const summary: BatchSummary = { ...report.summary, walkSkipped: (report.walkSkipped ?? []) as BatchSummary['walkSkipped'], failures };
    io.err(formatSummary(summary, io.color));
  }
  return 0;
}

export function reportCommand(io: Io, setExit: (code: number) => void): Command {
  const report = new Command('report').description('work with --report files');
  report.addCommand(new Command('merge')
    .description('merge the reports of several shards (convert --shard i/n --report …) into one')
    .argument('<reports...>', 'report files (JSON, as written by --report)')
    .option('-o, --out <file.json>', 'write the merged report here (default: standard output)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
Counts and pages add up, the time is the longest shard's (they ran side by
side), and every input appears once: an input in two reports (overlapping
shards, a shard run twice) is an error. Missing shards are named in a note.

Example:
  $ protokoll report merge report-*.json -o report.json`)
    .action(async (reports: string[], opts: MergeCliOptions) => setExit(await runReportMerge(reports, opts, io))));
  return report;
}
