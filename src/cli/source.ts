// Reads an input named on the command line: a path, or - for standard input.
import { readFileBytes } from '../input/file.js';
import type { Io } from './io.js';

export async function readSource(input: string, io: Io): Promise<{ bytes: Uint8Array; file: string }> {
  if (input === '-') return { bytes: await io.readStdin(), file: '-' };
  return { bytes: await readFileBytes(input), file: input };
}
