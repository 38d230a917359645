// The input's identity: the sha256 recorded in every output and compared when a batch decides to skip.
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
