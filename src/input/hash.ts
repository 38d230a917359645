// The input's identity: the sha256 recorded in every output and compared when a batch decides to skip.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import { unreadableReason } from './file.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The same hash read in chunks, for callers that only need the hash of a file (a scan can be hundreds of MB). */
export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (error) {
    throw new InputError('input-unreadable', `cannot read the file: ${unreadableReason(error)}`, { file, cause: error });
  }
  return { sha256: hash.digest('hex'), bytes };
}
