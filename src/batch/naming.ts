// Where an input's document goes under --out: a rule under which two inputs can never share an output.
import path from 'node:path';
import { extensionFor, type OutputFormat } from '../output/serialize.js';
import type { InputFile } from './walk.js';

/**
 * The input's name (its path below its input folder, under the input's own name when several were given)
 * with the format's extension added and the source's kept: `2019/scan.pdf` → `2019/scan.pdf.json`, so
 * `x.pdf` and `x.txt` side by side get `x.pdf.json` and `x.txt.json`.
 */
export function outputPath(outDir: string, input: InputFile, format: OutputFormat): string {
  return path.join(outDir, ...input.relative.split('/')) + extensionFor(format);
}
