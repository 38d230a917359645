// convert --shard i/n on n "machines", then report merge: together they do exactly what one convert does.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { listTree, minutes, tempDir, writeTree } from '../batch/tree.js';
import { fakeIo } from './fake-io.js';

it('three shards convert each file once between them, and their merged report matches a single run', async () => {
  const root = tempDir('protokoll-shard-');
  const files: Record<string, string> = { 'broken/empty.txt': '' };
  for (let i = 0; i < 12; i++) files[`d${i % 4}/m${i}.txt`] = minutes(i);
  // Two inputs that share a stem get longer output names in a whole run; a shard must name them the same way.
  files['d0/same.txt'] = minutes(30);
  files['d0/same.md'] = minutes(31);
  const input = writeTree(path.join(root, 'in'), files);

  const whole = path.join(root, 'whole.json');
  expect(await run(['convert', input, '-o', path.join(root, 'out-whole'), '--report', whole, '-q'], fakeIo())).toBe(1);

  const out = path.join(root, 'out');
  const reports: string[] = [];
  const seen: string[][] = [];
  for (const i of [1, 2, 3]) {
    const io = fakeIo();
    const report = path.join(root, `report-${i}.json`);
    reports.push(report);
    const before = new Set(listTree(out));
    const code = await run(['convert', input, '-o', out, '--shard', `${i}/3`, '--report', report], io);
    expect(io.stderr()).toMatch(new RegExp(`shard ${i}/3: \\d+ of 15 files`));
    seen.push(listTree(out).filter((f) => !before.has(f)));
    expect(code).toBe(JSON.parse(fs.readFileSync(report, 'utf8')).summary.failed ? 1 : 0);
    expect(JSON.parse(fs.readFileSync(report, 'utf8')).summary.shard).toEqual({ index: i, count: 3 });
  }
  expect(listTree(path.join(root, 'out-whole'))).toEqual(expect.arrayContaining(['d0/same.md.json', 'd0/same.txt.json']));
  // Disjoint, and together everything, under the whole run's names.
  expect(seen.flat().sort()).toEqual(listTree(path.join(root, 'out-whole')));
  expect(new Set(seen.flat()).size).toBe(seen.flat().length);

  const io = fakeIo();
  const merged = path.join(root, 'merged.json');
  expect(await run(['report', 'merge', ...reports, '-o', merged], io)).toBe(0);
  expect(io.stderr()).toContain('merged 3 reports, 15 inputs');
  const a = JSON.parse(fs.readFileSync(merged, 'utf8'));
  const b = JSON.parse(fs.readFileSync(whole, 'utf8'));
  const { seconds: _s1, ...sa } = a.summary;
  const { seconds: _s2, ...sb } = b.summary;
  expect(sa).toEqual(sb);
  const verdict = (r: { inputs: { path: string; status: string; code: string | null }[] }) => r.inputs.map((x) => `${x.path} ${x.status} ${x.code}`).sort();
  expect(verdict(a)).toEqual(verdict(b));

  // A shard missing is named; the same shard twice is refused.
  const partial = fakeIo();
  expect(await run(['report', 'merge', reports[0]!, reports[2]!], partial)).toBe(0);
  expect(partial.stderr()).toContain('note: shard 2 of 3 missing');
  expect(JSON.parse(partial.stdout()).inputs.length).toBeLessThan(15);
  const twice = fakeIo();
  expect(await run(['report', 'merge', reports[0]!, reports[0]!], twice)).toBe(1);
  expect(twice.stderr()).toMatch(/is in both .*report-1\.json and .*report-1\.json/);
});

it('an empty shard (more shards than files) succeeds with an empty report', async () => {
  const root = tempDir('protokoll-shard-');
  const input = writeTree(path.join(root, 'in'), { 'only.txt': minutes(1) });
  const results = [];
  for (const i of [1, 2, 3, 4, 5]) {
    const report = path.join(root, `r${i}.json`);
    const code = await run(['convert', input, '-o', path.join(root, 'out'), '--shard', `${i}/5`, '--report', report, '-q'], fakeIo());
    results.push({ code, total: JSON.parse(fs.readFileSync(report, 'utf8')).summary.total });
  }
  expect(results.every((r) => r.code === 0)).toBe(true);
  expect(results.map((r) => r.total).sort()).toEqual([0, 0, 0, 0, 1]);
});

it('--shard outside 1…n is a usage error that says how to count', async () => {
  const io = fakeIo();
  expect(await run(['convert', 'x', '--shard', '0/4'], io)).toBe(2);
  expect(io.stderr()).toMatch(/numbered 1 to 4 \(for a 0-based index such as JOB_COMPLETION_INDEX, add 1\)/);
});
