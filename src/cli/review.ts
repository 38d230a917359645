// `protokoll review`: converts inputs and writes only the review site, each source page beside what was read from it.
import { Command, Option } from 'commander';
import { addConversionOptions, positiveInt } from './conversion-options.js';
import { runConvert, type ConvertCliOptions, type ConvertDeps } from './convert.js';
import type { Io } from './io.js';

interface ReviewCliOptions extends Omit<ConvertCliOptions, 'format' | 'review' | 'reviewOnly'> {
  out: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function reviewCommand(io: Io, setExit: (code: number) => void, deps: ConvertDeps = {}): Command {
  const cmd = new Command('review')
    .description('write a review site: every source page beside the document read from it, for checking by eye')
    .argument('<inputs...>', 'files or folders (walked recursively), as for convert')
    .requiredOption('-o, --out <dir>', 'the site\'s folder (new, empty, or an earlier review site, which is updated)')
    .option('-j, --jobs <n>', 'inputs converted at the same time (default: the number of cores)', positiveInt)
    .option('--force', 'convert and draw again even when a document\'s page is up to date')
    .option('--report <file.json>', 'write a JSON report: summary and one record per input')
    .option('--include <glob>', 'review only files matching this glob (repeatable; a glob without / matches the file name)', collect)
    .option('--exclude <glob>', 'leave out files and folders matching this glob (repeatable)', collect)
    .option('--follow-symlinks', 'follow symbolic links while walking folders (each real folder is walked once)')
    .addOption(new Option('--group <unit>', 'file: each file is a document; folder: the page images of each folder are one document').choices(['file', 'folder']).default('file'));
  addConversionOptions(cmd)
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
Examples:
  $ protokoll review fixtures/ --include '*-gr-kommunchefer/input.*' -o site/
  $ protokoll convert fixtures/ --include 'text-*/input.txt' -o out/ --review review/

Then open site/index.html in a browser.

The site opens from the file system (file://) without a server or network. index.html lists
every input with its status, kind, body, date, counts and warnings, sortable and filterable;
each document's page shows the source pages (PDF pages and scans as images, text with line
numbers) beside the extracted document. A rerun skips documents whose page is up to date.

Exit codes: 0 all converted or skipped, 1 some inputs failed, 2 usage error, 130 interrupted (Ctrl-C),
143 terminated (SIGTERM).`)
    .action(async (inputs: string[], opts: ReviewCliOptions) => {
      // Like convert, it stops on a signal by itself, with its summary and report.
      deps.claimSignal?.();
      const { out, ...rest } = opts;
      setExit(await runConvert(inputs, { ...rest, format: 'json', review: out, reviewOnly: true }, io, deps));
    });
  return cmd;
}
