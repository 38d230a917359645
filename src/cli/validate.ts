// `protokoll validate`: checks JSON or YAML files against the output schema and names each problem's path.
import fs from 'node:fs/promises';
import { Command } from 'commander';
import { parseYaml } from '../output/yaml.js';
import { validateMinutes } from '../schema/validate.js';
import { detectType } from '../input/detect.js';
import { unreadableReason } from '../input/file.js';
import { errorLine, type Io } from './io.js';

export async function validateFiles(files: readonly string[], io: Io): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const read = await readDocument(file);
    if ('problem' in read) {
      io.err(errorLine(file, read.problem));
      failed++;
      continue;
    }
    const value = read.value;
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

/** The file's JSON or YAML value, or one line saying why there is none (missing, a PDF, broken syntax). */
async function readDocument(file: string): Promise<{ value: unknown } | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return { problem: `cannot read the file: ${unreadableReason(error)}` };
  }
  const type = detectType(bytes);
  if (type.kind === 'empty') return { problem: 'the file is empty' };
  if (type.kind !== 'text') return { problem: `not a JSON or YAML document: it is ${type.kind === 'pdf' ? 'a PDF' : type.kind === 'image' ? `a ${type.format.toUpperCase()} image` : type.what}` };
  const text = bytes.toString('utf8');
  const json = /^\s*[{[]/.test(text);
  let value: unknown;
  try {
    value = json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { problem: `not valid ${json ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]!.replace(/:\s*$/, '')}` };
  }
  // Plain text parses as a YAML string: that is not a document either.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'not a JSON or YAML document: it holds no object (is it the minutes themselves rather than a conversion?)' };
  return { value };
}

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('validate')
    .description('validate JSON or YAML files against the output schema; exit 1 if any is invalid')
    .argument('<files...>', 'JSON or YAML documents produced by protokoll (or by hand)')
    .addHelpText('after', '\nExamples:\n  $ protokoll validate fixtures/*/input.expected.json\n  $ protokoll convert fixtures/text-gr-kommunchefer/input.txt -f yaml > gr.yaml && protokoll validate gr.yaml')
    .action(async (files: string[]) => setExit(await validateFiles(files, io)));
}
