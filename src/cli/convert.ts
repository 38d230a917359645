// `protokoll convert`: converts files, folders or stdin; one document to stdout, or a mirrored tree of outputs under --out.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Progress } from '../batch/progress.js';
import { writeReport } from '../batch/report.js';
import { runBatch, type BatchOptions } from '../batch/run.js';
import { formatSummary, summarize } from '../batch/summary.js';
import { expandInputs, type InputFile, type WalkProblem } from '../batch/walk.js';
import type { ConvertOptions } from '../convert.js';
import type { OcrMode } from '../ocr/documents.js';
import type { OcrPool } from '../ocr/pool.js';
import { parseLang } from '../ocr/lang.js';
import { OcrProgressLine } from '../ocr/progress.js';
import { OutputError, UsageError } from '../errors.js';
import { extensionFor, OUTPUT_FORMATS, type OutputFormat } from '../output/serialize.js';
import { errorLine, type Io } from './io.js';
import { readSource } from './source.js';

export interface ConvertCliOptions {
  format: OutputFormat;
  ocr?: OcrMode;
  lang?: string;
  pageTimeout?: number;
  out?: string;
  repair: boolean;
  password?: string;
  quiet?: boolean;
  jobs?: number;
  force?: boolean;
  report?: string;
}

/** What the CLI can be given besides its arguments: Ctrl-C, and seams for tests (a failing disk, a fake clock). */
export interface ConvertDeps {
  signal?: AbortSignal;
  write?: BatchOptions['write'];
  now?: () => number;
  /** Seconds between plain progress lines when stderr is not a terminal. */
  progressInterval?: number;
  /** Extra options passed through to convert() (e.g. an OCR pool). */
  convertOptions?: ConvertOptions;
}

export const EXIT_INTERRUPTED = 130;

/** Where an input's document goes under --out: its folder-relative path with the format's extension. */
export function outputPath(outDir: string, input: InputFile, format: OutputFormat): string {
  const rel = input.relative.replace(/\.[^./\\]+$/, '');
  return path.join(outDir, rel + extensionFor(format));
}

export async function runConvert(inputs: readonly string[], opts: ConvertCliOptions, io: Io, deps: ConvertDeps = {}): Promise<number> {
  const { files, problems } = await expandInputs(inputs);
  return runConvertFiles(files, problems, opts, io, deps);
}

/** The batch after the walk; separate so a test can hand it a file list that has changed since (a vanished input). */
export async function runConvertFiles(files: readonly InputFile[], problems: readonly WalkProblem[], opts: ConvertCliOptions, io: Io, deps: ConvertDeps = {}): Promise<number> {
  for (const p of problems) io.err(errorLine(p.path, p.message));
  if (files.length === 0) {
    if (!problems.length) io.err(errorLine(null, 'no convertible files found (PDF, image, .txt or .md)'));
    return 1;
  }
  const outDir = opts.out;
  if (!outDir && files.length > 1 && opts.format !== 'ndjson') {
    throw new UsageError('usage', `${files.length} inputs need --out <dir> (or --format ndjson for one document per line on stdout)`);
  }
  if (outDir) {
    // One clear message up front rather than the same failure once per input.
    try {
      await fs.mkdir(outDir, { recursive: true });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const why = e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a path component is not a folder' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.message;
      io.err(errorLine(outDir, `cannot use as output folder: ${why}`));
      return 1;
    }
  }
  // A single document to stdout behaves like a filter: no progress, no summary, just the error if any.
  const batchy = Boolean(outDir) || files.length > 1;
  const progress = new Progress(io, files.length, { quiet: opts.quiet || !batchy, lineInterval: deps.progressInterval, now: deps.now });
  const jobs = opts.jobs ?? os.availableParallelism();
  // One OCR pool for the whole batch; its workers start only when a page needs reading, and stop when the batch does.
  const ocr = await ocrFor(files, opts, jobs, io, batchy, deps.convertOptions);
  try {
    return await finishConvert(files, problems, opts, io, deps, { outDir, batchy, progress, jobs, ocr });
  } finally {
    ocr.line?.clear();
    await ocr.pool?.terminate();
  }
}

interface OcrSetup { pool: OcrPool | null; line: OcrProgressLine | null; options: ConvertOptions }

/** Text files never need OCR, so a text-only batch does not even load the engine. */
async function ocrFor(files: readonly InputFile[], opts: ConvertCliOptions, jobs: number, io: Io, batchy: boolean, given?: ConvertOptions): Promise<OcrSetup> {
  const options: ConvertOptions = { ...given, ocr: opts.ocr ?? given?.ocr, pageTimeoutMs: opts.pageTimeout !== undefined ? opts.pageTimeout * 1000 : given?.pageTimeoutMs };
  const mayNeedOcr = opts.ocr !== 'never' && !given?.ocrPool && files.some((f) => !/\.(?:txt|text|md|markdown)$/i.test(f.path));
  if (!mayNeedOcr) return { pool: null, line: null, options };
  const { OcrPool: Pool } = await import('../ocr/pool.js');
  const pool = new Pool({ jobs, lang: opts.lang });
  // Page progress for a single document on a terminal; a batch shows its own bar.
  const line = !batchy && !opts.quiet && io.errIsTty ? new OcrProgressLine({ stream: { isTTY: true, write: io.err } }) : null;
  return { pool, line, options: { ...options, ocrPool: pool, onProgress: line?.update } };
}

async function finishConvert(files: readonly InputFile[], problems: readonly WalkProblem[], opts: ConvertCliOptions, io: Io, deps: ConvertDeps,
  run: { outDir?: string; batchy: boolean; progress: Progress; jobs: number; ocr: OcrSetup }): Promise<number> {
  const { outDir, batchy, progress, jobs } = run;
  const result = await runBatch(files, {
    format: opts.format,
    target: outDir ? targetsFor(outDir, files, opts.format) : undefined,
    emit: io.out,
    force: opts.force,
    jobs,
    convertOptions: { ...run.ocr.options, repair: opts.repair, password: opts.password },
    read: (p) => readSource(p, io),
    write: deps.write,
    signal: deps.signal,
    onRecord: (r) => progress.update(r),
    now: deps.now,
  });
  progress.finish();
  const summary = summarize(result, files.length);
  summary.failed += problems.length;
  summary.failures.unshift(...problems.map((p) => ({ path: p.path, reason: p.message })));
  if (batchy && !opts.quiet) io.err(formatSummary(summary, io.color));
  if (opts.report) {
    try {
      await writeReport(opts.report, summary, result.records);
    } catch (error) {
      io.err(errorLine(opts.report, (error as Error).message));
      return result.interrupted ? EXIT_INTERRUPTED : 1;
    }
  }
  if (result.interrupted) return EXIT_INTERRUPTED;
  return summary.failed || result.stoppedBy ? 1 : 0;
}

/** Maps inputs to mirrored output paths; a second input that would land on the same output fails instead of overwriting. */
function targetsFor(outDir: string, files: readonly InputFile[], format: OutputFormat): (input: InputFile) => string {
  const owner = new Map<string, string>();
  for (const f of files) {
    const t = outputPath(outDir, f, format);
    if (!owner.has(t)) owner.set(t, f.path);
  }
  return (input) => {
    const t = outputPath(outDir, input, format);
    const first = owner.get(t);
    if (first !== input.path) throw new OutputError('output-failed', `its output ${t} is already the output of ${first} (same name, other extension)`, { file: input.path });
    return t;
  };
}

/** Checked up front, so a typo fails before a long batch starts rather than at its first scan. */
function langOption(value: string): string {
  try {
    return parseLang(value).join('+');
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

export function convertCommand(io: Io, setExit: (code: number) => void, deps: ConvertDeps = {}): Command {
  return new Command('convert')
    .description('convert minutes (PDF, image, text) into validated JSON or YAML')
    .argument('<inputs...>', 'files, folders (walked recursively) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS as string[]).default('json'))
    .option('-o, --out <dir>', 'write one file per input into this folder (mirroring folder inputs) instead of stdout')
    .option('-j, --jobs <n>', 'inputs converted at the same time (default: the number of cores)', positiveInt)
    .option('--force', 'convert again even when an output is up to date')
    .option('--report <file.json>', 'write a JSON report: summary and one record per input')
    .addOption(new Option('--ocr <mode>', 'when to read pages by OCR: auto (pages without a usable text layer, and images), always, never').choices(['auto', 'always', 'never']).default('auto'))
    .option('--lang <codes>', 'OCR language: swe, eng or swe+eng', langOption, 'swe')
    .option('--page-timeout <seconds>', 'give up OCR of one page after this long, with a warning', positiveInt, 120)
    .option('--no-repair', 'do not restore lost diacritics or undo OCR confusions')
    .option('--password <password>', 'password for encrypted PDFs')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
Examples:
  $ protokoll convert protokoll.pdf > protokoll.json
  $ protokoll convert minutes.txt --format yaml
  $ cat scan.txt | protokoll convert - --no-repair
  $ protokoll convert archive/ -o out/ --jobs 4 --report report.json
  $ protokoll convert archive/ --format ndjson | jq .document.date
  $ protokoll convert scan.pdf --ocr always --lang swe+eng > scan.json

With --out, an output that records the same input sha256 and schema version is
skipped (use --force to convert anyway). With --format ndjson on stdout, lines
come in completion order, not input order (each line names its source.file).

Exit codes: 0 all converted or skipped, 1 some inputs failed, 2 usage error, 130 interrupted.`)
    .action(async (inputs: string[], opts: ConvertCliOptions) => setExit(await runConvert(inputs, opts, io, deps)));
}
