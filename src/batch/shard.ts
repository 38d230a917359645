// `--shard i/n`: a deterministic share of the walked files, so n machines can split an archive without talking to each other.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import type { InputFile } from './walk.js';

export interface Shard {
  /** 1 … count */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError('usage', `--shard takes i/n, e.g. 2/8 (the second of eight shares), not "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError('usage', `--shard ${text}: the number of shards must be at least 1`);
  if (index < 1 || index > count) {
    throw new UsageError('usage', `--shard ${text}: shards are numbered 1 to ${count} (for a 0-based index such as JOB_COMPLETION_INDEX, add 1)`);
  }
  return { index, count };
}

/**
 * The shard (1 … count) a file belongs to, from a hash of its path relative to the folder it was found in. A file
 * keeps its shard whatever else is added to or removed from the archive, so a rerun after new files arrive converts
 * each old file on the same machine as before (and skips it there, as up to date). Separators are normalised so
 * Windows and POSIX machines agree.
 */
export function shardOf(relative: string, count: number): number {
  const key = relative.split(/[\\/]+/).filter(Boolean).join('/');
  const digest = createHash('sha256').update(key).digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(count)) + 1;
}

export function filterShard(files: readonly InputFile[], shard: Shard): InputFile[] {
  return files.filter((f) => shardOf(f.relative, shard.count) === shard.index);
}
