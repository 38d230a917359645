// `protokoll convert`: converts files, folders or stdin; one document to stdout, or a mirrored tree of outputs under --out.
import os from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Progress } from '../batch/progress.js';
import type { BatchSummary } from '../batch/summary.js';
import { runBatch, type BatchOptions, type BatchRecord } from '../batch/run.js';
import { summarize } from '../batch/summary.js';
import { expandInputs, type InputFile, type WalkOptions, type WalkProblem, type WalkSkip } from '../batch/walk.js';
import { filterShard, parseShard, shardOf, type Shard } from '../batch/shard.js';
import type { ConvertOptions } from '../convert.js';
import type { OcrPool } from '../ocr/pool.js';
import { OcrProgressLine } from '../ocr/progress.js';
// Type-only: the review site (page drawing, pdf.js, image encoding) loads only when --review asks for it.
import type { ReviewSite } from '../review/site.js';
import { OutputError, UsageError } from '../errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/serialize.js';
import { makeOutputFolder, reason as outputReason } from '../output/write.js';
import { outputPath, outputPaths } from '../batch/naming.js';
import { addConversionOptions, convertOptionsFrom, positiveInt, type ConversionCliOptions } from './conversion-options.js';
import { dryRun } from './dry-run.js';
import type { Io } from './io.js';
import { Log, LOG_FORMATS, type LogFormat } from './log.js';
import { readSource } from './source.js';

export interface ConvertCliOptions extends ConversionCliOptions {
  format: OutputFormat;
  out?: string;
  quiet?: boolean;
  verbose?: boolean;
  logFormat?: LogFormat;
  jobs?: number;
  force?: boolean;
  report?: string;
  dryRun?: boolean;
  failFast?: boolean;
  include?: string[];
  exclude?: string[];
  followSymlinks?: boolean;
  group?: 'file' | 'folder';
  shard?: Shard;
  /** Also write a review site (src/review) into this folder. */
  review?: string;
  /** `protokoll review`: the site is the only output; documents are not printed. */
  reviewOnly?: boolean;
}

/** What the CLI can be given besides its arguments: Ctrl-C, and seams for tests (a failing disk, a fake clock). */
export interface ConvertDeps {
  signal?: AbortSignal;
  /** Aborted when stdout is closed by its reader (`| head`): the run ends quietly with exit 0. */
  outputClosed?: AbortSignal;
  write?: BatchOptions['write'];
  now?: () => number;
  /** Seconds between plain progress lines when stderr is not a terminal. */
  progressInterval?: number;
  /** Extra options passed through to convert() (e.g. an OCR pool). */
  convertOptions?: ConvertOptions;
  /** Called when the command takes charge of `signal`: it stops, reports and exits on its own, so nothing may cut it short. */
  claimSignal?: () => void;
}

export const EXIT_INTERRUPTED = 130;

export { outputPath };

export async function runConvert(inputs: readonly string[], opts: ConvertCliOptions, io: Io, deps: ConvertDeps = {}): Promise<number> {
  const walked = await expandInputs(inputs, walkOptions(opts));
  if (!opts.shard) return runConvertFiles(walked.files, walked.problems, opts, io, deps, walked.skipped);
  // Each walk problem and left-out file belongs to one shard too, so merged reports count it once.
  const { index, count } = opts.shard;
  const mine = filterShard(walked.files, opts.shard);
  const ours = <T extends { path: string }>(list: readonly T[]): T[] => list.filter((p) => shardOf(p.path, count) === index);
  if (!opts.quiet) io.err(`protokoll: shard ${index}/${count}: ${mine.length} of ${walked.files.length} files\n`);
  // Outputs are named over the whole walk, so a shard names each file as a single run would.
  return runConvertFiles(mine, ours(walked.problems), opts, io, deps, ours(walked.skipped), walked.files);
}

function walkOptions(opts: ConvertCliOptions): WalkOptions {
  // Neither the outputs nor the review site's page images are inputs, when they lie inside an input folder.
  const skipFolders = [opts.out, opts.review].filter((d): d is string => d !== undefined);
  return { followSymlinks: opts.followSymlinks, include: opts.include, exclude: opts.exclude, group: opts.group, skipFolders };
}

/** The batch after the walk; separate so a test can hand it a file list that has changed since (a vanished input). */
export async function runConvertFiles(files: readonly InputFile[], problems: readonly WalkProblem[], opts: ConvertCliOptions, io: Io, deps: ConvertDeps = {}, walkSkipped: readonly WalkSkip[] = [],
  allFiles: readonly InputFile[] = files): Promise<number> {
  const log = new Log(io, { format: opts.logFormat, verbose: opts.verbose, quiet: opts.quiet });
  if (opts.dryRun) return dryRun(files, problems, walkSkipped, { out: opts.out, format: opts.format, force: opts.force }, io);
  for (const p of problems) log.error(p.path, p.message, 'input-unreadable');
  // A shard may be empty (more shards than files): that is success, with a report that says so.
  if (files.length === 0 && !opts.shard) {
    if (!problems.length) log.error(null, `no convertible files found (PDF, image, .txt or .md)${walkSkipped.length ? `; ${walkSkipped.length} left out: ${walkSkipped.slice(0, 3).map((w) => `${w.path} (${w.reason})`).join(', ')}${walkSkipped.length > 3 ? ', …' : ''}` : ''}`);
    if (opts.report) await writeReportOrSay(opts.report, summarize({ records: [], notStarted: 0, interruptedInputs: 0, interrupted: false, stoppedBy: null, seconds: 0 }, 0, walkSkipped), problemRecords(problems), log);
    return 1;
  }
  const outDir = opts.out;
  if (!outDir && files.length > 1 && opts.format !== 'ndjson' && !opts.reviewOnly) {
    throw new UsageError('usage', `${files.length} inputs need --out <dir> (or --format ndjson for one document per line on stdout)`);
  }
  if (outDir) {
    // One clear message up front rather than the same failure once per input.
    try {
      await makeOutputFolder(outDir);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const why = e.code === 'EEXIST' ? 'a path component is not a folder' : outputReason(error);
      log.error(outDir, `cannot use as output folder: ${why}`, 'output-failed');
      return 1;
    }
  }
  // A single document to stdout behaves like a filter: no progress, no summary, just the error if any.
  const batchy = Boolean(outDir) || files.length > 1 || Boolean(opts.reviewOnly);
  let site: ReviewSite | null = null;
  if (opts.review) {
    try {
      const { ReviewSite: Site } = await import('../review/site.js');
      site = await Site.open(opts.review, files, { password: opts.password, prune: !opts.shard });
    } catch (error) {
      log.error(opts.review, (error as Error).message, 'output-failed');
      return 1;
    }
  }
  const progress = new Progress(io, files.length, {
    quiet: opts.quiet || !batchy,
    lineInterval: deps.progressInterval,
    now: deps.now,
    line: log.format === 'json' ? (c) => log.progress({ ...c }) : undefined,
  });
  log.write = (text) => progress.message(text);
  const jobs = opts.jobs ?? os.availableParallelism();
  // One OCR pool for the whole batch; its workers start only when a page needs reading, and stop when the batch does.
  const ocr = await ocrFor(files, opts, jobs, io, batchy, deps.convertOptions);
  // The PDF reader starts while the rest is set up, so the first PDF does not wait for it (and a run without
  // PDFs never loads the reader's module).
  const pdfs = files.some((f) => /\.pdf$/i.test(f.path));
  if (!ocr.options.pdfReaders && pdfs) (await import('../input/pdf-reader/shared.js')).sharedPdfReaders().prewarm();
  try {
    return await finishConvert(files, problems, walkSkipped, opts, io, deps, { outDir, batchy, progress, jobs, ocr, log, allFiles, site });
  } finally {
    ocr.line?.close();
    // PDF readers outlive a run (idle ones end on their own, or with the process); an interrupted run stops them at once.
    const stopReaders = async () => (await import('../input/pdf-reader/shared.js')).stopPdfReaders();
    await Promise.all([ocr.pool?.terminate(), deps.signal?.aborted ? stopReaders() : undefined]);
  }
}

interface OcrSetup { pool: OcrPool | null; line: OcrProgressLine | null; options: ConvertOptions }

/** Text files never need OCR, so a text-only batch does not even load the engine. */
async function ocrFor(files: readonly InputFile[], opts: ConvertCliOptions, jobs: number, io: Io, batchy: boolean, given?: ConvertOptions): Promise<OcrSetup> {
  const fromCli = convertOptionsFrom(opts);
  const options: ConvertOptions = { ...given, ...fromCli, ocr: fromCli.ocr ?? given?.ocr, pageTimeoutMs: fromCli.pageTimeoutMs ?? given?.pageTimeoutMs };
  const mayNeedOcr = opts.ocr !== 'never' && !given?.ocrPool && files.some((f) => f.parts || !/\.(?:txt|text|md|markdown)$/i.test(f.path));
  if (!mayNeedOcr) return { pool: null, line: null, options };
  const { OcrPool: Pool } = await import('../ocr/pool.js');
  const pool = new Pool({ jobs, lang: opts.lang, engine: opts.ocrEngine ?? given?.ocrEngine });
  // Asked for by name, the native engine must be there before the batch starts, not fail once per input.
  if (pool.engineChoice === 'native') {
    try {
      await pool.engine();
    } catch (error) {
      await pool.terminate();
      throw error;
    }
  }
  // Page progress for a single document on a terminal; a batch shows its own bar.
  const line = !batchy && !opts.quiet && opts.logFormat !== 'json' && io.errIsTty ? new OcrProgressLine({ stream: { isTTY: true, write: io.err } }) : null;
  return { pool, line, options: { ...options, ocrPool: pool, onProgress: line?.update } };
}

async function finishConvert(files: readonly InputFile[], problems: readonly WalkProblem[], walkSkipped: readonly WalkSkip[], opts: ConvertCliOptions, io: Io, deps: ConvertDeps,
  run: { outDir?: string; batchy: boolean; progress: Progress; jobs: number; ocr: OcrSetup; log: Log; allFiles: readonly InputFile[]; site: ReviewSite | null }): Promise<number> {
  const { outDir, batchy, progress, jobs, log } = run;
  log.walkSkipped(walkSkipped);
  const signals = [deps.signal, deps.outputClosed].filter((s): s is AbortSignal => s !== undefined);
  const onPage = run.ocr.options.onProgress;
  const result = await runBatch(files, {
    format: opts.format,
    target: outDir ? targetsFor(outDir, run.allFiles, opts.format) : undefined,
    emit: opts.reviewOnly ? undefined : io.out,
    force: opts.force,
    jobs,
    strict: opts.strict,
    failFast: opts.failFast,
    convertOptions: {
      ...run.ocr.options,
      onProgress: batchy ? progress.page : onPage,
      onStage: log.verbose ? (e) => log.stage(e) : undefined,
    },
    read: (p) => readSource(p, io),
    write: deps.write,
    signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
    onRecord: (r) => {
      if (r.status === 'failed') log.error(r.path, r.reason ?? 'failed', r.code);
      log.record(r);
      progress.update(r);
    },
    now: deps.now,
    review: run.site ?? undefined,
  });
  // Nothing is printed after the summary: the bar and late messages stop here.
  progress.finish();
  log.write = io.err;
  const summary = summarize(result, files.length + problems.length, walkSkipped);
  if (opts.shard) summary.shard = opts.shard;
  summary.failed += problems.length;
  summary.failures.unshift(...problems.map((p) => ({ path: p.path, code: 'input-unreadable', reason: p.message })));
  if (run.site) {
    try {
      summary.review = await run.site.finish(result.records, problems);
    } catch (error) {
      log.error(run.site.dir, (error as Error).message, 'output-failed');
      summary.failed++;
    }
  }
  const pipeClosed = deps.outputClosed?.aborted === true && deps.signal?.aborted !== true;
  if (batchy && !pipeClosed) log.summary(summary);
  if (opts.report && !(await writeReportOrSay(opts.report, summary, [...problemRecords(problems), ...result.records], log))) {
    return result.interrupted && !pipeClosed ? EXIT_INTERRUPTED : 1;
  }
  // The reader chose to stop reading (`| head`): like cat or grep, that is not a failure.
  if (pipeClosed) return 0;
  if (result.interrupted) return EXIT_INTERRUPTED;
  return summary.failed || result.stoppedBy ? 1 : 0;
}

async function writeReportOrSay(file: string, summary: BatchSummary, records: readonly BatchRecord[], log: Log): Promise<boolean> {
  try {
    const { writeReport } = await import('../batch/report.js');
    await writeReport(file, summary, records);
    return true;
  } catch (error) {
    log.error(file, (error as Error).message, 'output-failed');
    return false;
  }
}

/** Command-line inputs that could not be used at all, as report records. */
function problemRecords(problems: readonly WalkProblem[]): BatchRecord[] {
  return problems.map((p) => ({ path: p.path, name: p.path, status: 'failed', code: 'input-unreadable', reason: p.message, warnings: [], output: null, seconds: 0, pages: 0, pagesOcr: 0 }));
}

/** Maps inputs to mirrored output paths. The naming rule cannot map two inputs to one output; this guards it anyway. */
function targetsFor(outDir: string, files: readonly InputFile[], format: OutputFormat): (input: InputFile) => string {
  const names = outputPaths(outDir, files, format);
  const owner = new Map<string, string>();
  for (const f of files) {
    const t = names.get(f)!;
    if (!owner.has(t)) owner.set(t, f.path);
  }
  return (input) => {
    const t = names.get(input) ?? outputPath(outDir, input, format);
    const first = owner.get(t);
    if (first !== input.path) throw new OutputError('output-failed', `internal error: its output ${t} is already the output of ${first}`, { file: input.path });
    return t;
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function convertCommand(io: Io, setExit: (code: number) => void, deps: ConvertDeps = {}): Command {
  const cmd = new Command('convert')
    .description('convert minutes (PDF, image, text) into validated JSON or YAML')
    .argument('<inputs...>', 'files, folders (walked recursively) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format: json, yaml, ndjson (one document per line), text or markdown (the cleaned, repaired text)').choices(OUTPUT_FORMATS as string[]).default('json'))
    .option('-o, --out <dir>', 'write one file per input into this folder (mirroring folder inputs) instead of stdout')
    .option('-j, --jobs <n>', 'inputs converted at the same time (default: the number of cores)', positiveInt)
    .option('--force', 'convert again even when an output is up to date')
    .option('--report <file.json>', 'write a JSON report: summary and one record per input (always written, also when interrupted)')
    .option('--review <dir>', 'also write a review site: each page beside what was read from it (see protokoll review)')
    .option('--dry-run', 'list what would be converted, skipped and refused, and write nothing')
    .option('--fail-fast', 'stop starting inputs after the first failure')
    .option('--include <glob>', 'convert only files matching this glob (repeatable; a glob without / matches the file name)', collect)
    .option('--exclude <glob>', 'leave out files and folders matching this glob (repeatable)', collect)
    .option('--follow-symlinks', 'follow symbolic links while walking folders (each real folder is walked once)')
    .option('--shard <i/n>', 'convert only the i-th of n fixed shares of the inputs (one per machine, without a queue)', shardOption)
    .addOption(new Option('--group <unit>', 'file: each file is a document; folder: the page images of each folder are one document, in natural order').choices(['file', 'folder']).default('file'));
  addConversionOptions(cmd)
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'say what each stage did, per file')
    .addOption(new Option('--log-format <format>', 'messages on stderr as text, or json (one object per event)').choices(LOG_FORMATS as string[]).default('text'))
    .addHelpText('after', `
Examples:
  $ protokoll convert fixtures/pdf-gr-kommunchefer/input.pdf > gr.json
  $ protokoll convert fixtures/text-gr-kommunchefer/input.txt --format yaml
  $ cat fixtures/text-gr-kommunchefer/input.txt | protokoll convert - --no-repair
  $ protokoll convert fixtures/ -o out/ --include 'text-*/input.txt' --jobs 2 --report report.json
  $ protokoll convert fixtures/ --include 'text-*/input.txt' --format ndjson | head -c 300
  $ protokoll convert fixtures/ --dry-run -o out/
  $ protokoll convert fixtures/ --include 'text-*/input.txt' -o out/ --review review/
  $ protokoll convert fixtures/ocr/mixed.pdf --pages 1 --lang swe+eng --format markdown
  $ protokoll convert fixtures/ -o out/ --include 'text-*/input.txt' --shard 2/3 --report shard-2.json

Outputs keep the source's extension: a/b.pdf becomes out/a/b.pdf.json. With several
inputs each is mirrored under its own name (archive-1/…, archive-2/…), so no two
inputs share an output. With --out, an output that records the same input sha256 and
schema version is skipped (use --force to convert anyway). With --format ndjson on
stdout, lines come in completion order (each names its input in source.file).

--shard i/n picks files by a hash of their path under the input folder, so a file
stays in its shard when others are added; each shard writes its own --report, and
\`protokoll report merge\` joins them.

Exit codes: 0 all converted or skipped (or stdout was closed by its reader),
1 some inputs failed, 2 usage error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).`)
    .action(async (inputs: string[], opts: ConvertCliOptions) => {
      deps.claimSignal?.();
      setExit(await runConvert(inputs, opts, io, deps));
    });
  return cmd;
}
