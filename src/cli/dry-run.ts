// `convert --dry-run`: what a run would convert, skip (up to date) and refuse, and what the walk left out; nothing is written.
import { sha256 } from '../input/hash.js';
import { groupSha256 } from '../convert-images.js';
import { isUpToDate } from '../batch/skip.js';
import type { InputFile, WalkProblem, WalkSkip } from '../batch/walk.js';
import { detectType } from '../input/detect.js';
import { readFileBytes } from '../input/file.js';
import type { OutputFormat } from '../output/serialize.js';
import { outputPaths } from '../batch/naming.js';
import type { Io } from './io.js';

/**
 * One line per input on stdout, `convert`, `skip` or `refuse`, then `ignore` for what the walk left out. A file
 * is refused here when its bytes already say it cannot be converted (empty, an archive, unreadable); a damaged
 * PDF shows only when it is converted.
 */
export async function dryRun(files: readonly InputFile[], problems: readonly WalkProblem[], skipped: readonly WalkSkip[],
  opts: { out?: string; format: OutputFormat; force?: boolean }, io: Io): Promise<number> {
  const counts = { convert: 0, skip: 0, refuse: problems.length, ignore: skipped.length };
  for (const p of problems) io.out(`refuse   ${p.path}: ${p.message}\n`);
  const names = opts.out ? outputPaths(opts.out, files, opts.format) : null;
  for (const f of files) {
    const target = names?.get(f) ?? null;
    const arrow = target ? ` → ${target}` : '';
    if (f.path === '-') {
      counts.convert++;
      io.out(`convert  - (standard input)${arrow}\n`);
      continue;
    }
    let hash: string;
    try {
      if (f.parts) {
        hash = groupSha256(await Promise.all(f.parts.map(readFileBytes)));
      } else {
        const bytes = await readFileBytes(f.path);
        const type = detectType(bytes);
        if (type.kind === 'empty' || type.kind === 'binary') {
          counts.refuse++;
          io.out(`refuse   ${f.path}: ${type.kind === 'empty' ? 'the file is empty' : `not a PDF, image or text file: it looks like ${type.what}`}\n`);
          continue;
        }
        hash = sha256(bytes);
      }
    } catch (error) {
      counts.refuse++;
      io.out(`refuse   ${f.path}: ${(error as Error).message}\n`);
      continue;
    }
    if (target && !opts.force && (await isUpToDate(target, hash))) {
      counts.skip++;
      io.out(`skip     ${f.path} (up to date: ${target})\n`);
      continue;
    }
    counts.convert++;
    io.out(`convert  ${f.path}${f.parts ? ` (${f.parts.length} page images)` : ''}${arrow}\n`);
  }
  for (const w of skipped) io.out(`ignore   ${w.path}: ${w.reason}\n`);
  io.err(`dry run: ${counts.convert} to convert, ${counts.skip} up to date, ${counts.refuse} refused, ${counts.ignore} not inputs; nothing was written\n`);
  return 0;
}
