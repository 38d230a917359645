// Issue 5: a folder tree converts into a mirrored tree, broken files are reported, reruns skip, a changed input converts again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { goodAndBroken, listTree, minutes, tempDir } from './tree.js';

interface Report {
  summary: { converted: number; skipped: number; failed: number; total: number; warningsByCode: Record<string, number>; pagesOcr: number };
  inputs: { path: string; status: string; reason: string | null; warnings: string[]; output: string | null; seconds: number }[];
}

const readReport = (file: string): Report => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;

describe('protokoll convert <folder> -o <out>', () => {
  it('mirrors the tree, reports broken files, skips up-to-date outputs and reconverts a changed input', async () => {
    const root = tempDir();
    const input = goodAndBroken(path.join(root, 'in'));
    const out = path.join(root, 'out');
    const report = path.join(root, 'report.json');

    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '--jobs', '3', '--report', report], io)).toBe(1);
    expect(listTree(out)).toEqual(['a.json', 'sub/b.json', 'sub/deeper/c.json']);
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'sub/deeper/c.json'), 'utf8'));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.source.file).toBe('sub/deeper/c.txt'); // the path below the input folder, not only the base name
    const err = io.stderr();
    expect(err).toMatch(/converted\s+3/);
    expect(err).toMatch(/failed\s+2/);
    expect(err).toContain(`${path.join(input, 'broken/empty.txt')}: the file is empty`);
    expect(err).toMatch(/noise\.pdf: .+/);
    expect(err).toMatch(/pages OCR'd\s+0/);
    expect(err).toMatch(/time\s+\d+:\d\d/);
    expect(io.stdout()).toBe('');

    const r1 = readReport(report);
    expect(r1.summary).toMatchObject({ total: 5, converted: 3, skipped: 0, failed: 2, pagesOcr: 0 });
    expect(r1.inputs).toHaveLength(5);
    const empty = r1.inputs.find((i) => i.path.endsWith('empty.txt'))!;
    expect(empty).toMatchObject({ status: 'failed', reason: 'the file is empty', output: null });
    const a = r1.inputs.find((i) => i.path.endsWith('a.txt'))!;
    expect(a).toMatchObject({ status: 'converted', output: path.join(out, 'a.json') });
    expect(typeof a.seconds).toBe('number');
    expect(Array.isArray(a.warnings)).toBe(true);

    // Rerun: nothing changed, everything good is skipped.
    const before = fs.statSync(path.join(out, 'a.json')).mtimeMs;
    const io2 = fakeIo();
    expect(await run(['convert', input, '-o', out, '--report', report], io2)).toBe(1);
    expect(readReport(report).summary).toMatchObject({ converted: 0, skipped: 3, failed: 2 });
    expect(io2.stderr()).toMatch(/skipped\s+3/);
    expect(fs.statSync(path.join(out, 'a.json')).mtimeMs).toBe(before);

    // Change one input: only it is converted again.
    fs.writeFileSync(path.join(input, 'sub/b.md'), minutes(42));
    expect(await run(['convert', input, '-o', out, '--report', report], fakeIo())).toBe(1);
    const r3 = readReport(report);
    expect(r3.summary).toMatchObject({ converted: 1, skipped: 2, failed: 2 });
    expect(r3.inputs.filter((i) => i.status === 'converted').map((i) => path.basename(i.path))).toEqual(['b.md']);
    expect(fs.readFileSync(path.join(out, 'sub/b.json'), 'utf8')).toContain('Ekonomi 42');

    // --force converts everything again.
    expect(await run(['convert', input, '-o', out, '--force', '--report', report, '-q'], fakeIo())).toBe(1);
    expect(readReport(report).summary).toMatchObject({ converted: 3, skipped: 0 });
  });

  it('exits 0 when everything converted or skipped, and an output from another schema version is converted again', async () => {
    const root = tempDir();
    const input = path.join(root, 'in');
    fs.mkdirSync(input);
    fs.writeFileSync(path.join(input, 'one.txt'), minutes(1));
    const out = path.join(root, 'out');
    expect(await run(['convert', input, '-o', out, '-f', 'yaml'], fakeIo())).toBe(0);
    const yamlOut = path.join(out, 'one.yaml');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '-f', 'yaml'], io)).toBe(0);
    expect(io.stderr()).toMatch(/skipped\s+1/);
    fs.writeFileSync(yamlOut, fs.readFileSync(yamlOut, 'utf8').replace('schemaVersion: 1', 'schemaVersion: 0'));
    const io2 = fakeIo();
    expect(await run(['convert', input, '-o', out, '-f', 'yaml'], io2)).toBe(0);
    expect(io2.stderr()).toMatch(/converted\s+1/);
    expect(fs.readFileSync(yamlOut, 'utf8')).toContain('schemaVersion: 1');
  });

  it('usage errors exit 2', async () => {
    const root = tempDir();
    const input = goodAndBroken(path.join(root, 'in'));
    const io = fakeIo();
    expect(await run(['convert', input, '--jobs', '0', '-o', path.join(root, 'out')], io)).toBe(2);
    expect(await run(['convert', input], fakeIo())).toBe(2);
    expect(listTree(path.join(root, 'out'))).toEqual([]);
  });

  it('--format ndjson prints one whole document per line, whatever the concurrency', async () => {
    const root = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`d${i}/m${i}.txt`] = minutes(i);
    const { writeTree } = await import('./tree.js');
    const input = writeTree(path.join(root, 'in'), files);
    const io = fakeIo();
    expect(await run(['convert', input, '-f', 'ndjson', '-j', '4', '-q'], io)).toBe(0);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    const names = lines.map((l) => (JSON.parse(l) as { source: { file: string } }).source.file).sort();
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `d${i}/m${i}.txt`).sort()); // which input, not only its base name
    expect(io.stderr()).toBe('');
  });
});
