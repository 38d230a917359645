// Expands command-line inputs into files: folders are walked recursively, in a stable order.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Extensions picked up when walking a folder; files named directly are taken whatever their name. */
export const INPUT_EXTENSIONS = new Set(['.pdf', '.txt', '.md', '.markdown', '.text', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);

export interface InputFile {
  /** Path as given or found. `-` is standard input. */
  path: string;
  /** Path relative to the folder it was found in (mirrored under --out), or the base name. */
  relative: string;
}

export interface WalkProblem { path: string; message: string }

export async function expandInputs(inputs: readonly string[]): Promise<{ files: InputFile[]; problems: WalkProblem[] }> {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push({ path: '-', relative: 'stdin' });
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ path: input, message: code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
      continue;
    }
    if (stat.isDirectory()) {
      for (const rel of await walk(input, '')) files.push({ path: path.join(input, rel), relative: rel });
    } else {
      files.push({ path: input, relative: path.basename(input) });
    }
  }
  return { files, problems };
}

/** Output files (`*.expected.json`, our own JSON/YAML) are never inputs. */
function isCandidate(name: string): boolean {
  if (name.startsWith('.')) return false;
  return INPUT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

async function walk(root: string, rel: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const child = path.join(rel, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      out.push(...(await walk(root, child)));
    } else if (e.isFile() && isCandidate(e.name)) {
      out.push(child);
    }
  }
  return out;
}
