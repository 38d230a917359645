// `protokoll repair`: prints a text with diacritics and OCR confusions repaired, line for line, or the change list.
import { Command } from 'commander';
import { decodeText } from '../input/decode.js';
import { readInput } from '../input/read.js';
import { repairPages } from '../convert.js';
import type { Io } from './io.js';
import { readSource } from './source.js';

export function repairCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('repair')
    .description('restore lost å/ä/ö and undo OCR letter confusions; prints the repaired text with every line and token in place')
    .argument('<input>', 'text, PDF or image file, or - for standard input')
    .option('--changes', 'print the list of changes as JSON instead of the text')
    .option('--password <password>', 'password of an encrypted PDF')
    .addHelpText('after', '\nExamples:\n  $ protokoll repair fixtures/repair/familjen-damaged.txt > repaired.txt\n  $ protokoll repair fixtures/repair/familjen-damaged.txt --changes | head -20')
    .action(async (input: string, opts: { changes?: boolean; password?: string }) => {
      const { bytes, file } = await readSource(input, io);
      const doc = await readInput(bytes, file, { password: opts.password });
      // Text is repaired as the file's own lines, so the output diffs line for line against the input.
      const pages = doc.format === 'text'
        ? [{ number: 1, source: 'plain' as const, ocrConfidence: null, lines: decodeText(bytes, file).text.replace(/\r\n?/g, '\n').split('\n').map((text, i) => ({ text, page: 1, line: i + 1, confidence: null })) }]
        : doc.pages;
      const repaired = repairPages(pages);
      if (opts.changes) io.out(JSON.stringify(repaired.repairs, null, 2) + '\n');
      // Text keeps its own last line ending (the split leaves an empty last line for a final newline).
      else io.out(repaired.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n\f') + (doc.format === 'text' ? '' : '\n'));
      setExit(0);
    });
}
