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

/** The longest file name most file systems allow, in bytes (ext4, XFS, NTFS in UTF-16 units, APFS). */
const MAX_NAME_BYTES = 255;

/**
 * The temporary file beside `target`: hidden, unique, and never longer than a name may be, so an output whose
 * own name just fits still gets a temporary name (the target's name is shortened in it, on a character boundary).
 */
export function tempPathFor(target: string, unique = `${process.pid}.${randomBytes(4).toString('hex')}`): string {
  const suffix = `.${unique}.tmp`;
  const room = MAX_NAME_BYTES - 1 - Buffer.byteLength(suffix);
  let base = path.basename(target);
  while (Buffer.byteLength(base) > room) base = base.slice(0, Buffer.byteLength(base) - room > 64 ? -32 : -1);
  // A cut between the halves of a surrogate pair would leave a lone half.
  if (/[\ud800-\udbff]$/.test(base)) base = base.slice(0, -1);
  return path.join(path.dirname(target), `.${base}${suffix}`);
}

/** The part of a temporary name that tempPathFor makes unique: the writing process and a random tag. */
const TEMP_UNIQUE = /\.(\d+\.[0-9a-f]{8})\.tmp$/;

/**
 * Removes temporary files of `target` last written before `before`: what a process killed mid-write (kill -9, a lost
 * machine) leaves behind, which no exit handler could remove. A name counts as the target's only when tempPathFor
 * makes exactly it for the target (so a long target's shortened temporary names are found too). Returns how many
 * were removed.
 */
export async function removeStaleTempFiles(target: string, before: Date): Promise<number> {
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const unique = TEMP_UNIQUE.exec(name)?.[1];
    if (!unique || path.basename(tempPathFor(target, unique)) !== name) continue;
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

/**
 * Creates an output folder and its parents. Node reports a parent it cannot create on a read-only file system as
 * ENOENT (it stats the missing folder after the real failure); the nearest existing ancestor tells the true reason.
 */
export async function makeOutputFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let ancestor = path.dirname(path.resolve(dir));
    while (ancestor !== path.dirname(ancestor) && !(await fs.stat(ancestor).then(() => true, () => false))) ancestor = path.dirname(ancestor);
    const denied = await fs.access(ancestor, fs.constants.W_OK).then(() => null, (e: NodeJS.ErrnoException) => e);
    throw denied ?? error;
  }
}

export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = tempPathFor(target);
  try {
    await makeOutputFolder(dir);
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

/** Why a write or a folder failed, in words. */
export function reason(error: unknown): string {
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
    case 'ENAMETOOLONG':
      return 'the file name is too long for the file system';
    default:
      return e.message ?? String(error);
  }
}
