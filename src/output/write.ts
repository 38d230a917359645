// Writes output files atomically: a temporary file beside the target, then a rename, so no reader sees half a file.
import { unlinkSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from '../errors.js';

/** Temporary files still being written, so an interrupted run can remove them. */
const pending = new Set<string>();

/** Removes temporary files left by writes that were interrupted (Ctrl-C). Synchronous: safe in exit handlers. */
export function removePendingTempFiles(): void {
  for (const f of pending) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** The temporary name a write of `target` uses: hidden, beside it, unique per process and write. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Removes temporary files of `target` last written before `before`: what a process killed mid-write (kill -9, a lost
 * machine) leaves behind, which no exit handler could remove. Returns how many were removed.
 */
export async function removeStaleTempFiles(target: string, before: Date): Promise<number> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\.\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length - 1))) continue;
    const file = path.join(dir, name);
    try {
      if ((await fs.stat(file)).mtime < before) {
        await fs.rm(file, { force: true });
        removed++;
      }
    } catch {
      // gone already
    }
  }
  return removed;
}

export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = tempNameFor(target);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError('output-failed', `cannot create the output folder ${dir}: ${reason(error)}`, { file: target, cause: error });
  }
  pending.add(tmp);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx');
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new OutputError('output-failed', `cannot write ${target}: ${reason(error)}`, { file: target, cause: error });
  } finally {
    pending.delete(tmp);
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a path component is not a folder';
    default:
      return e.message ?? String(error);
  }
}
