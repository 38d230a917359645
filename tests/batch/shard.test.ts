// --shard i/n: every file in exactly one shard, the same one on every machine and after the archive grows.
import { describe, expect, it } from 'vitest';
import { filterShard, parseShard, shardOf } from '../../src/batch/shard.js';

const files = Array.from({ length: 2000 }, (_, i) => ({ path: `in/kf/${1990 + (i % 30)}/p${i}.pdf`, relative: `kf/${1990 + (i % 30)}/p${i}.pdf` }));

describe('parseShard', () => {
  it('reads i/n, counting from 1', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });
  it('refuses shard 0, a shard past n, and anything else, saying why', () => {
    expect(() => parseShard('0/4')).toThrow(/numbered 1 to 4 .*add 1/);
    expect(() => parseShard('5/4')).toThrow(/numbered 1 to 4/);
    expect(() => parseShard('1/0')).toThrow(/at least 1/);
    for (const bad of ['1', '1-4', 'a/b', '1/4/2', '-1/4']) expect(() => parseShard(bad), bad).toThrow(/takes i\/n/);
  });
});

describe('shards', () => {
  it('put every file in exactly one shard, about evenly', () => {
    const shards = [1, 2, 3, 4].map((index) => filterShard(files, { index, count: 4 }));
    expect(shards.flat().map((f) => f.relative).sort()).toEqual(files.map((f) => f.relative).sort());
    for (const s of shards) expect(Math.abs(s.length - 500)).toBeLessThan(100);
  });

  it('keep a file in its shard when other files are added or removed', () => {
    const before = new Map(files.map((f) => [f.relative, shardOf(f.relative, 8)]));
    const grown = [...files.slice(500), ...Array.from({ length: 300 }, (_, i) => ({ path: `x/new${i}.pdf`, relative: `new${i}.pdf` }))];
    for (const f of grown.slice(0, 1500)) expect(shardOf(f.relative, 8)).toBe(before.get(f.relative));
  });

  it('agree between Windows and POSIX separators', () => {
    expect(shardOf('kf\\2019\\a.pdf', 7)).toBe(shardOf('kf/2019/a.pdf', 7));
  });

  it('with one shard, take everything', () => {
    expect(filterShard(files, { index: 1, count: 1 })).toHaveLength(files.length);
  });
});
