// Reads an input named on the command line: a path, or - for standard input.
import fs from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Io } from './io.js';

export async function readSource(input: string, io: Io): Promise<{ bytes: Uint8Array; file: string }> {
  if (input === '-') return { bytes: await io.readStdin(), file: '-' };
  try {
    return { bytes: await fs.readFile(input), file: input };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError('input-unreadable', `cannot read the file: ${reason}`, { file: input, cause: error });
  }
}
