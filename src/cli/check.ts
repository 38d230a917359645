// `protokoll check`: converts every input that has an expected result beside it and compares, like snapshot tests for CI.
import fs from 'node:fs/promises';
import os from 'node:os';
import { Command } from 'commander';
import { parseYaml } from '../output/yaml.js';
import { forEachLimited } from '../batch/pool.js';
import { expandInputs } from '../batch/walk.js';
import type { Difference } from '../compare/diff.js';
import { convert, type ConvertOptions } from '../convert.js';
import type { OcrPool } from '../ocr/pool.js';
import { serialize } from '../output/serialize.js';
import { writeFileAtomic } from '../output/write.js';
import { addConversionOptions, convertOptionsFrom, positiveInt, type ConversionCliOptions } from './conversion-options.js';
import { errorLine, type Io } from './io.js';

export interface CheckOptions extends Partial<ConversionCliOptions> {
  update?: boolean;
  jobs?: number;
}

interface Case { input: string; expected: string }

/** `<dir>/<name>.pdf` is checked against `<dir>/<name>.expected.json` or `.expected.yaml`. */
async function findCases(dirs: readonly string[], io: Io): Promise<{ cases: Case[]; problems: number }> {
  const { files, problems } = await expandInputs(dirs);
  for (const p of problems) io.err(errorLine(p.path, p.message));
  const cases: Case[] = [];
  for (const f of files) {
    if (f.path === '-') continue;
    const stem = f.path.replace(/\.[^./\\]+$/, '');
    for (const ext of ['.expected.json', '.expected.yaml', '.expected.yml']) {
      const expected = stem + ext;
      if (await fs.stat(expected).then((s) => s.isFile(), () => false)) {
        cases.push({ input: f.path, expected });
        break;
      }
    }
  }
  return { cases, problems: problems.length };
}

export async function runCheck(dirs: readonly string[], opts: CheckOptions, io: Io): Promise<number> {
  const { cases, problems } = await findCases(dirs, io);
  // Loaded here, not at start-up: most runs of the CLI are conversions.
  const { countDifferences, diff, formatDiff } = await import('../compare/diff.js');
  if (cases.length === 0) {
    // In CI a wrong path must not pass silently.
    io.err(errorLine(null, `nothing to check: no input under ${dirs.join(', ')} has an expected result beside it (<name>.expected.json or .expected.yaml; create them with --update after a first convert)`));
    return 1;
  }
  const jobs = opts.jobs ?? os.availableParallelism();
  const options: ConvertOptions = { ...convertOptionsFrom({ repair: opts.repair ?? true, ...opts }) };
  // One OCR pool for every case, made only if some input is not text.
  let pool: OcrPool | null = null;
  if (opts.ocr !== 'never' && cases.some((c) => !/\.(?:txt|text|md|markdown)$/i.test(c.input))) {
    const { OcrPool: Pool } = await import('../ocr/pool.js');
    pool = new Pool({ jobs, lang: opts.lang, engine: opts.ocrEngine });
    options.ocrPool = pool;
  }
  let failed = problems;
  let updated = 0;
  let strictFailures = 0;
  // Results are printed in input order, whatever order the conversions finish in.
  const results: { c: Case; differences: Difference[] | null; error: string | null; actual?: unknown; warnings: string[] }[] = [];
  try {
    await forEachLimited(cases, jobs, async (c, i) => {
      try {
        const text = await fs.readFile(c.expected, 'utf8');
        const expected: unknown = c.expected.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
        const actual = await convert(c.input, options);
        const differences = diff(expected, actual);
        results[i] = { c, differences, error: null, actual: differences.length && opts.update ? actual : undefined, warnings: actual.warnings.map((w) => w.code) };
      } catch (error) {
        results[i] = { c, differences: null, error: (error as Error).message, warnings: [] };
      }
    });
  } finally {
    await pool?.terminate();
  }
  for (const r of results) {
    const { c, differences, error } = r;
    if (error !== null || differences === null) {
      failed++;
      io.err(`${io.color.red('error')}    ${c.input}: ${error}\n`);
      continue;
    }
    if (differences.length === 0) {
      io.err(`${io.color.green('ok')}       ${c.input}\n`);
    } else if (opts.update) {
      await writeFileAtomic(c.expected, serialize(r.actual, c.expected.endsWith('.json') ? 'json' : 'yaml'));
      updated++;
      io.err(`${io.color.yellow('updated')}  ${c.expected} (${differences.length} ${differences.length === 1 ? 'change' : 'changes'})\n${formatDiff(differences, io.color)}`);
    } else {
      failed++;
      io.err(`${io.color.red('mismatch')} ${c.input} vs ${c.expected} (${countDifferences(differences)})\n${formatDiff(differences, io.color)}`);
      continue;
    }
    if (opts.strict && r.warnings.length) {
      failed++;
      strictFailures++;
      io.err(`${io.color.red('warnings')} ${c.input}: ${r.warnings.length} (--strict): ${[...new Set(r.warnings)].join(', ')}\n`);
    }
  }
  const passed = cases.length - (failed - problems - strictFailures) - updated;
  io.err(`\n${passed} matching, ${updated ? `${updated} updated, ` : ''}${strictFailures ? `${strictFailures} with warnings (--strict), ` : ''}${failed} failing, of ${cases.length} checked\n`);
  return failed ? 1 : 0;
}

export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('convert every input that has <name>.expected.json/.yaml beside it and compare; exit 1 on any difference')
    .argument('<dirs...>', 'folders (walked recursively) or files')
    .option('--update', 'rewrite the expected files with the current output (snapshot update), printing what changed')
    .option('-j, --jobs <n>', 'inputs converted at the same time (default: the number of cores)', positiveInt);
  return addConversionOptions(cmd)
    .addHelpText('after', `
Lists are compared by identity: attendees by name, items by § number (or title),
decisions by text, so one attendee dropped shows as one removal. Volatile fields
(source.file) are left out of the comparison. A path with no expected files fails.

Examples:
  $ protokoll check fixtures/text-gr-kommunchefer fixtures/text-halsingeradet-2024-01-24
  $ protokoll check fixtures/text-krf-halland-2024 --no-repair --strict || echo "differs"

Exit codes: 0 all match (or were updated), 1 a difference, a failed conversion, nothing
to check, or (--strict) a warning; 2 usage error.`)
    .action(async (dirs: string[], opts: CheckOptions) => setExit(await runCheck(dirs, opts, io)));
}
