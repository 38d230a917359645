// Where an input's document goes under --out: a rule under which two inputs can never share an output.
import path from 'node:path';
import { extensionFor, type OutputFormat } from '../output/serialize.js';
import type { InputFile } from './walk.js';

/**
 * The input's name (its path below its input folder, under the input's own name when several were given) with the
 * format's extension in place of the source's: `2019/scan.pdf` → `2019/scan.json`. Where two inputs of a batch would
 * meet there (`x.pdf` beside `x.txt`), both keep their source extension: `x.pdf.json`, `x.txt.json`.
 */
export function outputPaths(outDir: string, files: readonly InputFile[], format: OutputFormat): Map<InputFile, string> {
  const byStem = new Map<string, number>();
  for (const f of files) byStem.set(stem(f.relative), (byStem.get(stem(f.relative)) ?? 0) + 1);
  const out = new Map<InputFile, string>();
  for (const f of files) {
    const rel = (byStem.get(stem(f.relative)) ?? 0) > 1 ? f.relative : stem(f.relative);
    out.set(f, path.join(outDir, ...rel.split('/')) + extensionFor(format));
  }
  return out;
}

/** One input's output on its own, as `outputPaths` names it when no other input shares its stem. */
export function outputPath(outDir: string, input: InputFile, format: OutputFormat): string {
  return outputPaths(outDir, [input], format).get(input)!;
}

/** The path without the source's extension ("2019/scan.pdf" → "2019/scan"); a name without one stays as it is. */
const stem = (relative: string) => relative.replace(/(?<=[^/])\.[^./]+$/, '');
