// `protokoll explain`: every cleaned line with its page and line, the zone and rule that claimed it, and what it became.
import { Command, Option } from 'commander';
import { explain, type ExplainedLine } from '../explain.js';
import type { OcrMode } from '../ocr/documents.js';
import { OCR_ENGINES, type OcrEngineChoice } from '../ocr/engine.js';
import type { Io } from './io.js';
import { readSource } from './source.js';

interface ExplainCliOptions { json?: boolean; repair: boolean; password?: string; ocr: OcrMode; ocrEngine: OcrEngineChoice; lang: string; page?: string }

export function explainCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('explain')
    .description('show how a document was read: each cleaned line, the rule that claimed it and what it became')
    .argument('<input>', 'text, PDF or image file, or - for standard input')
    .option('--json', 'print the lines as JSON (one object per line, with the converted document)')
    .option('--page <n>', 'only the lines of this page')
    .addOption(new Option('--ocr <mode>', 'when to read pages by OCR').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--ocr-engine <engine>', 'OCR engine: auto (native tesseract when installed, else tesseract.js), native, wasm').choices([...OCR_ENGINES]).default('auto'))
    .option('--lang <codes>', 'OCR language: swe, eng or swe+eng', 'swe')
    .option('--no-repair', 'do not restore lost diacritics or undo OCR confusions')
    .option('--password <password>', 'password for encrypted PDFs')
    .addHelpText('after', `
Each line prints as: page:line, the rule that claimed it (or the furniture it is), the cleaned text, and after
"=>" what it became: attendee, agenda entry, item heading or body, decision, signature, header field, or unused.

Examples:
  $ protokoll explain fixtures/text-gr-kommunchefer/input.txt
  $ protokoll explain fixtures/text-gr-kommunchefer/input.txt --page 2
  $ protokoll explain fixtures/pdf-gr-kommunchefer/input.pdf --json | jq '.lines[] | select(.became[0] == "unused")'`)
    .action(async (input: string, opts: ExplainCliOptions) => {
      const { bytes, file } = await readSource(input, io);
      const result = await explain(bytes, { fileName: file, repair: opts.repair, password: opts.password, ocr: opts.ocr, ocrEngine: opts.ocrEngine, lang: opts.lang });
      const page = opts.page !== undefined ? Number(opts.page) : null;
      const lines = page === null ? result.lines : result.lines.filter((l) => l.page === page);
      if (opts.json) io.out(JSON.stringify({ lines, document: result.minutes }, null, 2) + '\n');
      else io.out(lines.map((l) => formatLine(l, io)).join('\n') + '\n');
      setExit(0);
    });
}

function formatLine(l: ExplainedLine, io: Io): string {
  const where = `${l.page}:${l.line}`.padEnd(7);
  const rule = (l.rule ?? '-').padEnd(30);
  const text = l.text.replace(/\t/g, ' │ ');
  const became = l.became.length ? `  => ${l.became.join('; ')}` : '';
  const line = `${where} ${rule} ${text}${became}`;
  return l.furniture ? io.color.dim(line) : l.became[0] === 'unused' ? io.color.yellow(line) : line;
}
