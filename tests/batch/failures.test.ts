// Issue 6 in batches: an unusable output folder, a vanished input — clear message, exit code, nothing left behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/batch/walk.js';
import { runConvertFiles } from '../../src/cli/convert.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { listTree, minutes, tempDir, writeTree } from './tree.js';

describe('batch failures', () => {
  it('an output folder that cannot be created: one clear message, exit 1, nothing written', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1), 'b.txt': minutes(2) });
    fs.writeFileSync(path.join(root, 'blocker'), 'a regular file, not a folder');
    const out = path.join(root, 'blocker', 'out');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out], io)).toBe(1);
    expect(io.stderr()).toBe(`protokoll: ${out}: cannot use as output folder: a path component is not a folder\n`);
    expect(io.stdout()).toBe('');
    expect(listTree(root)).toEqual(['blocker', 'in/a.txt', 'in/b.txt']);
  });

  it('an input that disappears during the batch is reported and the rest goes on', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1), 'gone.txt': minutes(2), 'z.txt': minutes(3) });
    const out = path.join(root, 'out');
    const { files, problems } = await expandInputs([input]);
    fs.unlinkSync(path.join(input, 'gone.txt')); // after the walk, before its turn
    const io = fakeIo();
    expect(await runConvertFiles(files, problems, { format: 'json', out, repair: true, jobs: 2 }, io)).toBe(1);
    expect(io.stderr()).toContain(`protokoll: ${path.join(input, 'gone.txt')}: the file disappeared before it could be read\n`);
    expect(io.stderr()).toMatch(/converted\s+2/);
    expect(listTree(out)).toEqual(['a.txt.json', 'z.txt.json']);
  });

  it('a bug in one conversion does not stop the batch', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1), 'b.txt': minutes(2) });
    const out = path.join(root, 'out');
    const io = fakeIo();
    let calls = 0;
    const write = async (target: string, text: string): Promise<void> => {
      if (calls++ === 0) throw new TypeError('boom');
      fs.writeFileSync(target, text);
    };
    expect(await run(['convert', input, '-o', out, '-j', '1'], io, { write })).toBe(1);
    expect(io.stderr()).toMatch(/a\.txt: internal error: boom/);
    expect(listTree(out)).toEqual(['b.txt.json']);
  });
});
