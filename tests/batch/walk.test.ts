// Issue 13 points 3, 4, 5, 6, 10: names that never collide, every supported file found by content, links followed
// safely, what is left out listed with its reason, --include/--exclude, and folders of page images as documents.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, rootLabels } from '../../src/batch/walk.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { listTree, minutes, tempDir, writeTree } from './tree.js';

const repo = path.resolve(import.meta.dirname, '../..');
const pdf = fs.readFileSync(path.join(repo, 'fixtures/pdf-gr-kommunchefer/input.pdf'));
const png = fs.readFileSync(path.join(repo, 'fixtures/ocr/familjen-p1-top.png'));
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

describe('output names (point 4)', () => {
  it('x.txt beside x.md both convert, each to its own output', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'x.txt': minutes(1), 'x.md': minutes(2) });
    const out = path.join(root, 'out');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out], io)).toBe(0);
    expect(listTree(out)).toEqual(['x.md.json', 'x.txt.json']);
    expect(io.stderr()).toMatch(/converted\s+2/);
  });

  it('several folder or file inputs are each mirrored under their own name, even when their base names are equal', async () => {
    const root = tempDir();
    writeTree(root, { 'p/in/a.txt': minutes(1), 'q/in/a.txt': minutes(2), 'r/a.txt': minutes(3), 's/a.txt': minutes(4), 'solo/b.txt': minutes(5) });
    const out = path.join(root, 'out');
    const io = fakeIo();
    const args = ['p/in', 'q/in', 'r/a.txt', 's/a.txt', 'solo'].map((p) => path.join(root, p));
    expect(await run(['convert', ...args, '-o', out], io)).toBe(0);
    expect(listTree(out)).toEqual(['p/in/a.json', 'q/in/a.json', 'r/a.json', 's/a.json', 'solo/b.json']);
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'p/in/a.json'), 'utf8'));
    expect(doc.source.file).toBe('p/in/a.txt');
  });

  it('labels each root by the shortest distinct tail of its path', () => {
    expect(rootLabels(['/x/archive'])).toEqual(['']);
    expect(rootLabels(['/x/a', '/y/b'])).toEqual(['a', 'b']);
    expect(rootLabels(['/x/in', '/y/in', '/z/other'])).toEqual(['x/in', 'y/in', 'other']);
    expect(rootLabels(['/m/x/in', '/n/x/in'])).toEqual(['m/x/in', 'n/x/in']);
  });

  it('the same input given twice is converted once', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1) });
    const w = await expandInputs([input, input + '/']);
    expect(w.files).toHaveLength(1);
    expect(w.skipped).toMatchObject([{ code: 'duplicate' }]);
  });
});

describe('walking by content (point 5)', () => {
  it('finds PDFs and images without a telling name, and .gif/.bmp/.webp; lists every file left out with its reason', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), {
      'scan-without-extension': pdf, 'page.gif': GIF, 'page.bmp': png, 'page.webp': png, 'scan.dat': png,
      'README': 'Just some notes, not minutes.\n', 'bundle.zip': Buffer.from('PK\x03\x04rest', 'latin1'), 'empty': '',
      '.hidden.txt': minutes(1), 'notes.json': '{}', 'a.txt': minutes(2),
    });
    const w = await expandInputs([input]);
    expect(w.files.map((f) => f.relative).sort()).toEqual(['a.txt', 'page.bmp', 'page.gif', 'page.webp', 'scan-without-extension', 'scan.dat']);
    const why = Object.fromEntries(w.skipped.map((s) => [path.basename(s.path), s.reason]));
    expect(why).toEqual({
      '.hidden.txt': 'hidden file',
      'README': expect.stringMatching(/^text whose name does not end in \.txt/),
      'bundle.zip': 'not a PDF, image or text file: it looks like a ZIP archive (or an Office document)',
      'empty': 'empty, and its name gives no type',
      'notes.json': expect.stringMatching(/^text whose name/),
    });
  });

  it('does not follow symbolic links unless asked; with --follow-symlinks a loop or a second link to a folder is walked once', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'real/a.txt': minutes(1) });
    writeTree(root, { 'elsewhere/b.txt': minutes(2) });
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(input, 'linked'));
    fs.symlinkSync(path.join(input, 'real'), path.join(input, 'real', 'loop'));
    fs.symlinkSync(path.join(input, 'real', 'a.txt'), path.join(input, 'a-again.txt'));
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(input, 'broken'));

    const plain = await expandInputs([input]);
    expect(plain.files.map((f) => f.relative)).toEqual(['real/a.txt']);
    expect(plain.skipped.map((s) => s.code).sort()).toEqual(['symlink', 'symlink', 'symlink', 'symlink']);
    expect(plain.skipped[0]!.reason).toBe('symbolic link (not followed without --follow-symlinks)');

    const followed = await expandInputs([input], { followSymlinks: true });
    expect(followed.files.map((f) => f.relative)).toEqual(['a-again.txt', 'linked/b.txt']);
    const codes = Object.fromEntries(followed.skipped.map((s) => [path.relative(input, s.path), s.code]));
    expect(codes).toEqual({ broken: 'symlink-broken', 'real/a.txt': 'duplicate', 'real/loop': 'symlink-loop' });
  });

  it('the summary and the report list what the walk left out', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1), 'bundle.zip': Buffer.from('PK\x03\x04', 'latin1') });
    const out = path.join(root, 'out');
    const report = path.join(root, 'report.json');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '--report', report], io)).toBe(0);
    expect(io.stderr()).toMatch(/not inputs\s+1\n\s+.*bundle\.zip: not a PDF, image or text file: it looks like a ZIP archive/);
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(r.walkSkipped).toEqual([{ path: path.join(input, 'bundle.zip'), code: 'unsupported', reason: expect.stringContaining('ZIP archive') }]);
  });

  it('never walks into the output folder when it lies inside an input', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1) });
    const out = path.join(input, 'out');
    expect(await run(['convert', input, '-o', out, '-f', 'markdown'], fakeIo())).toBe(0);
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '-f', 'markdown'], io)).toBe(0);
    expect(io.stderr()).toMatch(/skipped\s+1 \(up to date\)/);
    expect(io.stderr()).toContain(`${out}: the output folder`);
  });
});

describe('--include / --exclude (point 10)', () => {
  it('match the path below the input folder, or the file name for a pattern without /', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), {
      '2018/ks.txt': minutes(1), '2018/bn.txt': minutes(2), '2019/ks.txt': minutes(3), 'drafts/ks.txt': minutes(4), 'x.md': minutes(5),
    });
    const w = await expandInputs([input], { include: ['ks.txt', '*.md'], exclude: ['drafts'] });
    expect(w.files.map((f) => f.relative)).toEqual(['2018/ks.txt', '2019/ks.txt', 'x.md']);
    expect(w.skipped.map((s) => [path.relative(input, s.path), s.code])).toEqual([['2018/bn.txt', 'not-included'], ['drafts', 'excluded']]);
    const deep = await expandInputs([input], { include: ['2019/**'] });
    expect(deep.files.map((f) => f.relative)).toEqual(['2019/ks.txt']);
  });
});

describe('--group folder (point 6)', () => {
  it('makes each folder of page images one document, pages in natural order; other files stay documents of their own', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), {
      'ks-1987-03/page10.png': png, 'ks-1987-03/page2.png': png, 'ks-1987-03/page1.png': png, 'ks-1987-03/notes.txt': minutes(1),
      'loose.png': png,
    });
    const w = await expandInputs([input], { group: 'folder' });
    expect(w.files.map((f) => [f.relative, f.parts?.map((p) => path.basename(p))])).toEqual([
      ['ks-1987-03/notes.txt', undefined],
      ['ks-1987-03', ['page1.png', 'page2.png', 'page10.png']],
      ['in', ['loose.png']],
    ]);
    const plain = await expandInputs([input]);
    expect(plain.files).toHaveLength(5);
  });
});
