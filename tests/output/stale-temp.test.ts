// Temporary files left by a process killed mid-write are removed by the next write's owner, and only those.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { removeStaleTempFiles, tempPathFor, writeFileAtomic } from '../../src/output/write.js';
import { listTree, tempDir } from '../batch/tree.js';

it('removes old temporary files of the target, not newer ones nor those of other targets', async () => {
  const dir = tempDir('protokoll-stale-');
  const target = path.join(dir, 'a.json');
  const old = new Date(Date.now() - 60_000);
  const files = {
    stale: '.a.json.4242.0123abcd.tmp',
    fresh: '.a.json.4243.89abcdef.tmp',
    otherTarget: '.a.json.x.4244.0123abcd.tmp',
    notOurs: '.a.json.notes',
  };
  for (const name of Object.values(files)) fs.writeFileSync(path.join(dir, name), 'half');
  for (const name of [files.stale, files.otherTarget, files.notOurs]) fs.utimesSync(path.join(dir, name), old, old);
  expect(await removeStaleTempFiles(target, new Date(Date.now() - 30_000))).toBe(1);
  expect(listTree(dir)).toEqual([files.fresh, files.otherTarget, files.notOurs].sort());
});

it('recognises the temporary names that writeFileAtomic really uses', async () => {
  const dir = tempDir('protokoll-stale-');
  const target = path.join(dir, 'kf 2019 § 12.json');
  const left = tempPathFor(target);
  fs.writeFileSync(left, 'half');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(left, old, old);
  await writeFileAtomic(target, '{}');
  expect(await removeStaleTempFiles(target, new Date())).toBe(1);
  expect(listTree(dir)).toEqual(['kf 2019 § 12.json']);
});

it('recognises the shortened temporary names of a target whose name nearly fills the limit', async () => {
  const dir = tempDir('protokoll-stale-');
  const target = path.join(dir, `${'ä'.repeat(120)}.json`);
  const left = tempPathFor(target);
  expect(Buffer.byteLength(path.basename(left))).toBeLessThanOrEqual(255);
  fs.writeFileSync(left, 'half');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(left, old, old);
  expect(await removeStaleTempFiles(target, new Date())).toBe(1);
  expect(listTree(dir)).toEqual([]);
});
