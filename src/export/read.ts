// Reads protokoll outputs for export: JSON, YAML and NDJSON files, or folders of them; each document is validated.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseYaml } from '../output/yaml.js';
import type { Minutes } from '../schema/minutes.js';
import { validateMinutes } from '../schema/validate.js';

export interface ExportInput { file: string; doc: Minutes }
export interface ExportProblem { file: string; message: string }

const OUTPUT_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.ndjson', '.jsonl']);

/** Folders are walked for output files in name order; a report or any other JSON that is not minutes is a problem, not a crash. */
export async function readOutputs(paths: readonly string[]): Promise<{ docs: ExportInput[]; problems: ExportProblem[]; skipped: ExportProblem[] }> {
  const docs: ExportInput[] = [];
  const problems: ExportProblem[] = [];
  /** Files found in folders that are not protokoll documents (reports, other JSON): left out, not failures. */
  const skipped: ExportProblem[] = [];
  const files: { file: string; named: boolean }[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) problems.push({ file: p, message: 'no such file or folder' });
    else if (stat.isDirectory()) files.push(...(await walk(p)).map((file) => ({ file, named: false })));
    else files.push({ file: p, named: true });
  }
  for (const { file, named } of files) {
    const problemsHere = named ? problems : skipped;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      problems.push({ file, message: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const values = parse(file, text);
    if ('error' in values) {
      problemsHere.push({ file, message: values.error });
      continue;
    }
    values.forEach((value, i) => {
      const where = values.length > 1 ? `${file}:${i + 1}` : file;
      const checked = validateMinutes(value);
      if (checked.ok) docs.push({ file: where, doc: checked.value });
      else problemsHere.push({ file: where, message: `not a protokoll document (${checked.problems[0]!.path}: ${checked.problems[0]!.message})` });
    });
  }
  return { docs, problems, skipped };
}

function parse(file: string, text: string): unknown[] | { error: string } {
  try {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) {
      // One JSON document, or NDJSON (one per line).
      try {
        return [JSON.parse(text)];
      } catch {
        return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
      }
    }
    return [parseYaml(text)];
  } catch (error) {
    return { error: `not JSON or YAML: ${(error as Error).message.split('\n')[0]}` };
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && OUTPUT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}
