// `protokoll validate`: checks JSON or YAML files against the output schema and names each problem's path.
import fs from 'node:fs/promises';
import { Command } from 'commander';
import { parseYaml } from '../output/yaml.js';
import { validateMinutes } from '../schema/validate.js';
import { errorLine, type Io } from './io.js';

export async function validateFiles(files: readonly string[], io: Io): Promise<number> {
  let failed = 0;
  for (const file of files) {
    let value: unknown;
    try {
      const text = await fs.readFile(file, 'utf8');
      value = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      io.err(errorLine(file, `cannot read as JSON or YAML: ${(error as Error).message}`));
      failed++;
      continue;
    }
    const result = validateMinutes(value);
    if (result.ok) {
      io.err(`${io.color.green('valid')}   ${file}\n`);
      continue;
    }
    failed++;
    io.err(`${io.color.red('invalid')} ${file}\n`);
    for (const p of result.problems) io.err(`  ${io.color.bold(p.path)}: ${p.message}\n`);
  }
  return failed ? 1 : 0;
}

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('validate')
    .description('validate JSON or YAML files against the output schema; exit 1 if any is invalid')
    .argument('<files...>', 'JSON or YAML documents produced by protokoll (or by hand)')
    .addHelpText('after', '\nExamples:\n  $ protokoll validate out/*.json\n  $ protokoll validate minutes.yaml')
    .action(async (files: string[]) => setExit(await validateFiles(files, io)));
}
