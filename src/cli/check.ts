// `protokoll check`: converts every input that has an expected result beside it and compares, like snapshot tests for CI.
import fs from 'node:fs/promises';
import os from 'node:os';
import { Command } from 'commander';
import { parseYaml } from '../output/yaml.js';
import { forEachLimited } from '../batch/pool.js';
import { expandInputs } from '../batch/walk.js';
import { diff, formatDiff, type Difference } from '../compare/diff.js';
import { convert } from '../convert.js';
import { serialize } from '../output/serialize.js';
import { writeFileAtomic } from '../output/write.js';
import { errorLine, type Io } from './io.js';

export interface CheckOptions {
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
  if (cases.length === 0) {
    io.err(`protokoll: no inputs with an expected result (<name>.expected.json or .yaml) under ${dirs.join(', ')}: nothing to check\n`);
    return problems ? 1 : 0;
  }
  let failed = problems;
  let updated = 0;
  // Results are printed in input order, whatever order the conversions finish in.
  const results: { c: Case; differences: Difference[] | null; error: string | null; actual?: unknown }[] = [];
  await forEachLimited(cases, opts.jobs ?? os.availableParallelism(), async (c, i) => {
    try {
      const text = await fs.readFile(c.expected, 'utf8');
      const expected: unknown = c.expected.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      const actual = await convert(c.input);
      const differences = diff(expected, actual);
      results[i] = { c, differences, error: null, actual: differences.length && opts.update ? actual : undefined };
    } catch (error) {
      results[i] = { c, differences: null, error: (error as Error).message };
    }
  });
  for (const r of results) {
    const { c, differences, error } = r;
    if (error !== null || differences === null) {
      failed++;
      io.err(`${io.color.red('error')}    ${c.input}: ${error}\n`);
    } else if (differences.length === 0) {
      io.err(`${io.color.green('ok')}       ${c.input}\n`);
    } else if (opts.update) {
      await writeFileAtomic(c.expected, serialize(r.actual, c.expected.endsWith('.json') ? 'json' : 'yaml'));
      updated++;
      io.err(`${io.color.yellow('updated')}  ${c.expected} (${differences.length} ${differences.length === 1 ? 'change' : 'changes'})\n${formatDiff(differences, io.color)}`);
    } else {
      failed++;
      io.err(`${io.color.red('mismatch')} ${c.input} vs ${c.expected} (${differences.length} ${differences.length === 1 ? 'difference' : 'differences'})\n${formatDiff(differences, io.color)}`);
    }
  }
  const passed = cases.length - (failed - problems) - updated;
  io.err(`\n${passed} matching, ${updated ? `${updated} updated, ` : ''}${failed} failing, of ${cases.length} checked\n`);
  return failed ? 1 : 0;
}

export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('convert every input that has <name>.expected.json/.yaml beside it and compare; exit 1 on any difference')
    .argument('<dirs...>', 'folders (walked recursively) or files')
    .option('--update', 'rewrite the expected files with the current output (snapshot update), printing what changed')
    .addHelpText('after', `
Volatile fields (source.file) are left out of the comparison.

Examples:
  $ protokoll check fixtures/
  $ protokoll check fixtures/ --update

Exit codes: 0 all match (or were updated), 1 a difference or a failed conversion, 2 usage error.`)
    .action(async (dirs: string[], opts: CheckOptions) => setExit(await runCheck(dirs, opts, io)));
}
