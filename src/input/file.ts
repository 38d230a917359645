// Reads an input file's bytes, turning file-system failures into an InputError that says why in words.
import fs from 'node:fs/promises';
import { InputError } from '../errors.js';
import { openablePath } from './file-names.js';

export function unreadableReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EIO': return 'the device reported a read error';
    default: return e.message ?? String(error);
  }
}

export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(openablePath(file));
  } catch (error) {
    throw new InputError('input-unreadable', `cannot read the file: ${unreadableReason(error)}`, { file, cause: error });
  }
}
