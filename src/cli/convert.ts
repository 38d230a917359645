// `protokoll convert`: converts files, folders or stdin; one document to stdout, or one file per input under --out.
import path from 'node:path';
import { Command, Option } from 'commander';
import { expandInputs, type InputFile } from '../batch/walk.js';
import { convert } from '../convert.js';
import { ProtokollError, UsageError } from '../errors.js';
import { extensionFor, OUTPUT_FORMATS, serialize, type OutputFormat } from '../output/serialize.js';
import { writeFileAtomic } from '../output/write.js';
import { errorLine, type Io } from './io.js';
import { readSource } from './source.js';

export interface ConvertCliOptions {
  format: OutputFormat;
  out?: string;
  repair: boolean;
  password?: string;
  quiet?: boolean;
}

/** Where an input's document goes under --out: its folder-relative path with the format's extension. */
export function outputPath(outDir: string, input: InputFile, format: OutputFormat): string {
  const rel = input.relative.replace(/\.[^./\\]+$/, '');
  return path.join(outDir, rel + extensionFor(format));
}

export async function runConvert(inputs: readonly string[], opts: ConvertCliOptions, io: Io): Promise<number> {
  const { files, problems } = await expandInputs(inputs);
  for (const p of problems) io.err(errorLine(p.path, p.message));
  if (files.length === 0) {
    if (!problems.length) io.err(errorLine(null, 'no convertible files found (PDF, image, .txt or .md)'));
    return 1;
  }
  const toStdout = !opts.out;
  if (toStdout && files.length > 1 && opts.format !== 'ndjson') {
    throw new UsageError('usage', `${files.length} inputs need --out <dir> (or --format ndjson for one document per line on stdout)`);
  }
  let failed = problems.length;
  for (const input of files) {
    try {
      const { bytes, file } = await readSource(input.path, io);
      const doc = await convert(bytes, { fileName: file, repair: opts.repair, password: opts.password });
      const text = serialize(doc, opts.format);
      if (toStdout) io.out(text);
      else {
        const target = outputPath(opts.out!, input, opts.format);
        await writeFileAtomic(target, text);
        if (!opts.quiet) io.err(`${io.color.green('converted')} ${input.path} → ${target}${doc.warnings.length ? io.color.yellow(` (${doc.warnings.length} warnings)`) : ''}\n`);
      }
    } catch (error) {
      if (!(error instanceof ProtokollError) || error instanceof UsageError) throw error;
      failed++;
      io.err(errorLine(input.path === '-' ? 'stdin' : input.path, error.message));
    }
  }
  return failed ? 1 : 0;
}

export function convertCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('convert')
    .description('convert minutes (PDF, image, text) into validated JSON or YAML')
    .argument('<inputs...>', 'files, folders (walked recursively) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS as string[]).default('json'))
    .option('-o, --out <dir>', 'write one file per input into this folder (mirroring folder inputs) instead of stdout')
    .option('--no-repair', 'do not restore lost diacritics or undo OCR confusions')
    .option('--password <password>', 'password for encrypted PDFs')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
Examples:
  $ protokoll convert protokoll.pdf > protokoll.json
  $ protokoll convert minutes.txt --format yaml
  $ cat scan.txt | protokoll convert - --no-repair
  $ protokoll convert archive/ -o out/
  $ protokoll convert archive/ --format ndjson | jq .document.date

Exit codes: 0 all converted, 1 some inputs failed, 2 usage error.`)
    .action(async (inputs: string[], opts: ConvertCliOptions) => setExit(await runConvert(inputs, opts, io)));
}
