// `protokoll review` and `convert --review` on disk (no browser): pages for every input, statuses, reruns, the summary's size line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { listTree, minutes, tempDir, writeTree } from '../batch/tree.js';
import { buildPdf } from '../robustness/pdf-builder.js';

const pdf = buildPdf([['PROTOKOLL', 'Kommunstyrelsen', 'Datum: 2024-02-01', '', 'Beslutande', 'Anna Ek (S), ordförande'], ['§ 1 Öppnande', 'Mötet öppnades.']]);

function inputs(root: string): string {
  return writeTree(path.join(root, 'in'), {
    'a.txt': minutes(1),
    'sub/b.pdf': pdf,
    'broken/empty.txt': '',
  });
}

/** The index's rows as [file, status] from its data attributes and first cell. */
function indexRows(site: string): Array<[string, string]> {
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  return [...html.matchAll(/<div class="row" role="row" data-status="(\w+)"[^>]*><div role="cell" data-v="([^"]*)"/g)].map((m) => [m[2]!, m[1]!]);
}

describe('protokoll review', () => {
  it('writes an index and a page per document, page images for the PDF, and says how big the site is', async () => {
    const root = tempDir('protokoll-review-');
    const input = inputs(root);
    const site = path.join(root, 'site');
    const io = fakeIo();
    expect(await run(['review', input, '-o', site, '--jobs', '2'], io)).toBe(1);
    expect(io.stdout()).toBe('');
    expect(indexRows(site)).toEqual([['a.txt', 'converted'], ['broken/empty.txt', 'failed'], ['sub/b.pdf', 'converted']]);
    expect(fs.readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('the file is empty');
    expect(listTree(site)).toEqual([
      'assets/index.js', 'assets/review.css', 'assets/review.js',
      'data/a.txt.json', 'data/sub/b.pdf.json',
      'docs/a.txt.html', 'docs/sub/b.pdf.html',
      'index.html', 'order.js',
      'pages/sub/b.pdf/1.jpg', 'pages/sub/b.pdf/2.jpg',
      'review.json',
    ].map((p) => p.split('/').join(path.sep)));
    // JPEG page images, and a page that links them and the shared assets relative to itself (file:// has no root).
    expect([...fs.readFileSync(path.join(site, 'pages/sub/b.pdf/1.jpg')).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const page = fs.readFileSync(path.join(site, 'docs/sub/b.pdf.html'), 'utf8');
    expect(page).toContain('src="../../pages/sub/b.pdf/1.jpg"');
    expect(page).toContain('href="../../assets/review.css"');
    expect(page).toMatch(/<button type="button" class="ln used" data-line="2:1" style="left:9\.41%;top:6\.32%;/);
    expect(fs.readFileSync(path.join(site, 'order.js'), 'utf8')).toBe('window.REVIEW_ORDER = ["docs/a.txt.html","docs/sub/b.pdf.html"];\n');
    expect(io.stderr()).toMatch(/review\s+.+site: 3 documents, \d+ kB \(open .+index\.html\)/);
  });

  it('skips documents whose page is up to date, redoes a changed one, and drops pages of inputs that are gone', async () => {
    const root = tempDir('protokoll-review-');
    const input = inputs(root);
    const site = path.join(root, 'site');
    expect(await run(['review', input, '-o', site], fakeIo())).toBe(1);
    const before = fs.statSync(path.join(site, 'docs/sub/b.pdf.html')).mtimeMs;

    fs.writeFileSync(path.join(input, 'a.txt'), minutes(7));
    fs.rmSync(path.join(input, 'broken'), { recursive: true });
    const io = fakeIo();
    expect(await run(['review', input, '-o', site], io)).toBe(0);
    expect(io.stderr()).toMatch(/converted\s+1/);
    expect(io.stderr()).toMatch(/skipped\s+1/);
    expect(indexRows(site)).toEqual([['a.txt', 'converted'], ['sub/b.pdf', 'skipped']]);
    expect(fs.statSync(path.join(site, 'docs/sub/b.pdf.html')).mtimeMs).toBe(before);
    expect(fs.readFileSync(path.join(site, 'docs/a.txt.html'), 'utf8')).toContain('2024-03-17');

    fs.rmSync(path.join(input, 'sub'), { recursive: true });
    expect(await run(['review', input, '-o', site], fakeIo())).toBe(0);
    expect(fs.existsSync(path.join(site, 'docs/sub/b.pdf.html'))).toBe(false);
    expect(fs.existsSync(path.join(site, 'pages/sub/b.pdf'))).toBe(false);
    expect(indexRows(site)).toEqual([['a.txt', 'skipped']]);
  });

  it('names inputs from folders given side by side under their folder, so the same relative path stays apart', async () => {
    const root = tempDir('protokoll-review-');
    writeTree(root, { 'scanned/a.txt': minutes(1), 'text/a.txt': minutes(2), 'text/b.txt': minutes(3) });
    const site = path.join(root, 'site');
    expect(await run(['review', path.join(root, 'scanned'), path.join(root, 'text'), '-o', site], fakeIo())).toBe(0);
    expect(indexRows(site).map((r) => r[0])).toEqual(['scanned/a.txt', 'text/a.txt', 'text/b.txt']);
    // One folder: its own relative paths.
    const single = path.join(root, 'single');
    expect(await run(['review', path.join(root, 'text'), '-o', single], fakeIo())).toBe(0);
    expect(indexRows(single).map((r) => r[0])).toEqual(['a.txt', 'b.txt']);
  });

  it('draws only the pages a document was made of when --pages leaves some out', async () => {
    const root = tempDir('protokoll-review-');
    writeTree(root, { 'b.pdf': pdf });
    const site = path.join(root, 'site');
    expect(await run(['review', path.join(root, 'b.pdf'), '--pages', '2', '-o', site], fakeIo())).toBe(0);
    expect(listTree(path.join(site, 'pages'))).toEqual([path.join('b.pdf', '2.jpg')]);
    expect(fs.readFileSync(path.join(site, 'docs/b.pdf.html'), 'utf8')).toContain('id="page-2"');
  });

  it('refuses a folder that holds something else, before converting anything', async () => {
    const root = tempDir('protokoll-review-');
    const input = inputs(root);
    const site = writeTree(path.join(root, 'mine'), { 'notes.txt': 'my own file' });
    const io = fakeIo();
    expect(await run(['review', input, '-o', site], io)).toBe(1);
    expect(io.stderr()).toContain(`protokoll: ${site}: the folder is not empty and holds no protokoll review site`);
    expect(listTree(site)).toEqual(['notes.txt']);
  });
});

describe('protokoll convert --review', () => {
  it('writes the outputs and the site from one conversion, and a rerun skips only what both have', async () => {
    const root = tempDir('protokoll-review-');
    const input = inputs(root);
    const out = path.join(root, 'out');
    const site = path.join(root, 'site');
    const report = path.join(root, 'report.json');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '--review', site, '--report', report], io)).toBe(1);
    expect(listTree(out)).toEqual(['a.json', path.join('sub', 'b.json')]);
    expect(indexRows(site)).toEqual([['a.txt', 'converted'], ['broken/empty.txt', 'failed'], ['sub/b.pdf', 'converted']]);
    const summary = JSON.parse(fs.readFileSync(report, 'utf8')).summary;
    expect(summary.review).toMatchObject({ dir: site, documents: 3 });
    expect(summary.review.bytes).toBeGreaterThan(10_000);

    // The review of one document went missing: that document is converted again, the other is skipped.
    fs.rmSync(path.join(site, 'data/a.txt.json'));
    const io2 = fakeIo();
    expect(await run(['convert', input, '-o', out, '--review', site], io2)).toBe(1);
    expect(io2.stderr()).toMatch(/converted\s+1/);
    expect(io2.stderr()).toMatch(/skipped\s+1/);
    expect(indexRows(site)).toEqual([['a.txt', 'converted'], ['broken/empty.txt', 'failed'], ['sub/b.pdf', 'skipped']]);
  });
});
