// Issue 13 points 6, 7 and 9 with real OCR: a folder of page images as one document, pages counted while they are
// read, and a document whose only page timed out is a failure.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import { run } from '../../src/cli/main.js';
import { convert } from '../../src/convert.js';
import { listTree, tempDir, writeTree } from '../batch/tree.js';
import { fakeIo } from '../cli/fake-io.js';

// familjen-title.png: rows 0–150, columns 100–1100 of familjen-p1-top.png (three lines, so OCR is quick).
const png = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/ocr/familjen-title.png'));

describe('OCR in batches', () => {
  it('--group folder: a folder of page images is one document, its pages counted on the bar as they are read', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'ks-1987/page10.png': png, 'ks-1987/page2.png': png });
    const out = path.join(root, 'out');
    const io = fakeIo({ tty: true });
    expect(await run(['convert', input, '-o', out, '--group', 'folder', '-j', '2'], io)).toBe(0);
    expect(listTree(out)).toEqual(['ks-1987.json']);
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'ks-1987.json'), 'utf8'));
    expect(doc.source).toMatchObject({ file: 'ks-1987', format: 'image' });
    expect(doc.source.pages.map((p: { number: number; text: string }) => [p.number, p.text])).toEqual([[1, 'ocr'], [2, 'ocr']]);
    // Pages move before the only file is done.
    expect(io.stderr()).toMatch(/0\/1 files · 1\/2 pages/);
    // A rerun recognises the unchanged group.
    const again = fakeIo();
    expect(await run(['convert', input, '-o', out, '--group', 'folder'], again)).toBe(0);
    expect(again.stderr()).toMatch(/skipped\s+1/);
  });

  it('a document whose only page timed out is a failure (code ocr-timeout), not converted', async () => {
    await expect(convert(png, { fileName: 'scan.png', pageTimeoutMs: 50, jobs: 1 })).rejects.toMatchObject({
      code: 'ocr-timeout',
      message: expect.stringContaining('OCR of its only page ran over the page time limit'),
    });
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'scan.png': png });
    const result = await runBatch([{ path: path.join(input, 'scan.png'), relative: 'scan.png' }], { format: 'json', jobs: 1, convertOptions: { pageTimeoutMs: 50, jobs: 1 }, emit: () => undefined });
    expect(result.records[0]).toMatchObject({ status: 'failed', code: 'ocr-timeout' });
  });
});
