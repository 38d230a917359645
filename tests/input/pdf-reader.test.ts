// The PDF reader process: its limits per page, per document and for memory, its rules for page sizes and for
// what pdf.js leaves out, and its end when protokoll dies without a chance to stop it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { InputError } from '../../src/errors.js';
import { pdfFailureReason } from '../../src/input/pdf.js';
import { PdfPageError } from '../../src/input/pdf-page-error.js';
import { renderPlan } from '../../src/input/pdf-render-size.js';
import { pageNotes } from '../../src/input/pdf-reader/notes.js';
import { PdfReaderPool } from '../../src/input/pdf-reader/pool.js';
import { RemotePdf } from '../../src/input/pdf-reader/remote.js';
import { alive } from '../robustness/spawn-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');
const adversarial = (name: string) => fs.readFileSync(path.join(repo, 'fixtures/adversarial', name));

describe('page sizes for OCR', () => {
  it('ok: an A4 page renders at the resolution asked for', () => {
    expect(renderPlan(1, 595, 842, 300, 100e6)).toMatchObject({ ok: true, width: 2479, height: 3508, dpi: 300 });
  });
  it('ok: a huge page is rendered smaller, within the pixel limit', () => {
    const plan = renderPlan(1, 14_000, 14_000, 300, 100e6);
    expect(plan.ok && plan.width * plan.height).toBeLessThanOrEqual(100e6);
  });
  it('not ok: a box over 14,400 points on a side, or not a number', () => {
    expect(renderPlan(2, 1e9, 5, 300, 100e6)).toMatchObject({ ok: false, code: 'page-too-large', message: 'page 2 is 1.0e+9×5 points, over the 14,400-point limit on a side, so it was not rendered for OCR' });
    expect(renderPlan(3, NaN, 842, 300, 100e6)).toMatchObject({ ok: false, code: 'page-too-large' });
  });
  it('not ok: a page too small to hold text', () => {
    expect(renderPlan(1, 1, 1, 200, 100e6)).toMatchObject({ ok: false, code: 'page-too-small' });
  });
});

describe('what pdf.js leaves out becomes a page warning', () => {
  it('ok: images over the limit, undecodable images and stack overflows, once each', () => {
    const notes = pageNotes(4, [
      'Warning: Image exceeded maximum allowed size and was removed.',
      'Warning: Image exceeded maximum allowed size and was removed.',
      'Warning: Unable to decode image "img_p0_1": "JpxError: OpenJPEG failed to initialize".',
      'Exception in PromiseRejectCallback:\nRangeError: Maximum call stack size exceeded',
    ], 100e6);
    expect(notes.map((w) => w.code)).toEqual(['pdf-image-too-large', 'pdf-image-undecodable', 'pdf-content-incomplete']);
    expect(notes[0]).toEqual({ code: 'pdf-image-too-large', message: 'page 4: an image is over the 100-megapixel limit and was left out, not decoded', page: 4, line: 1 });
  });
  it('not ok: font substitutions and other chatter are no loss', () => {
    expect(pageNotes(1, ['Warning: loadFont - translateFont failed: "…"', 'Warning: TT: undefined function: 32'], 100e6)).toEqual([]);
  });
});

describe('pdf.js failures in words', () => {
  it('names what is wrong and keeps pdf.js\'s message', () => {
    expect(pdfFailureReason(new Error('Bad encoding in flate stream'))).toBe('a compressed stream is corrupt (Bad encoding in flate stream)');
    expect(pdfFailureReason(new RangeError('Invalid array length'))).toBe('a size recorded in the file is impossible (Invalid array length)');
    expect(pdfFailureReason(new RangeError('Maximum call stack size exceeded'))).toBe('its content is nested too deeply (Maximum call stack size exceeded)');
  });
});

describe('the reader process', () => {
  const pool = new PdfReaderPool();
  afterAll(() => pool.terminate());

  it('skips a page over its time limit and reads the next in a fresh process', async () => {
    const pdf = new RemotePdf(pool, adversarial('contentsloop-06.pdf'), 'loop.pdf', { pageTimeoutMs: 3000 });
    try {
      expect(await pdf.pageCount()).toBe(6);
      const error = await pdf.pageLines(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfPageError);
      expect(error).toMatchObject({ code: 'pdf-page-timeout', page: 1, message: 'page 1 was skipped: reading it took longer than 3 s, the limit per page' });
      expect((await pdf.pageLines(2)).lines.length).toBeGreaterThan(10);
    } finally {
      await pdf.destroy();
    }
  });

  it('refuses the document when its reading runs over the limit per document', async () => {
    const pdf = new RemotePdf(pool, adversarial('contentsloop-06.pdf'), 'loop.pdf', { pageTimeoutMs: 60_000, timeoutMs: 1500 });
    try {
      await pdf.pageCount();
      const error = await pdf.pageLines(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ code: 'pdf-timeout', message: 'reading the PDF took longer than 1.5 s, the limit per document' });
    } finally {
      await pdf.destroy();
    }
  });

  it('charges a page with the reader\'s working time, not the time its reply waited while protokoll was busy', async () => {
    // Each page takes the reader well under 0.1 s, but its reply waits 1.5 s while protokoll's thread is blocked
    // (as by a long text converted beside the PDF); charged for the wait, the third page ran over the document's 2.5 s.
    const pdf = new RemotePdf(pool, fs.readFileSync(path.join(repo, 'fixtures/pdf-halsingeradet-2024-01-24/input.pdf')), 'good.pdf', { timeoutMs: 2500 });
    try {
      await pdf.pageCount();
      for (const n of [1, 2, 3]) {
        const page = pdf.pageLines(n);
        await new Promise((r) => setTimeout(r, 20)); // the request is on its way
        const until = Date.now() + 1500;
        while (Date.now() < until);
        expect((await page).lines.length).toBeGreaterThan(10);
      }
    } finally {
      await pdf.destroy();
    }
  });

  it('kills a reader above its memory limit, and only that page is lost', async () => {
    // Without the image limit, pdf.js would decode the 20000×20000 image: 400 megapixels.
    const small = new PdfReaderPool({ memoryMb: 250 });
    const pdf = new RemotePdf(small, adversarial('pdf-page-20000x20000-flate-image.pdf'), 'big.pdf', { maxImagePixels: 1e9 });
    try {
      await pdf.pageCount();
      const error = await pdf.renderPage(1, 72, 100e6).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'pdf-page-memory', page: 1, message: 'page 1 was skipped: the PDF reader needed more than 250 MB of memory' });
    } finally {
      await pdf.destroy();
      await small.terminate();
    }
  });

  it('ends on its own when protokoll is killed (SIGKILL) while a page loops', async () => {
    const script = `
      const { PdfReaderPool } = await import(${JSON.stringify(path.join(repo, 'dist/input/pdf-reader/pool.js'))});
      const { RemotePdf } = await import(${JSON.stringify(path.join(repo, 'dist/input/pdf-reader/remote.js'))});
      const fs = await import('node:fs');
      const pdf = new RemotePdf(new PdfReaderPool(), fs.readFileSync(${JSON.stringify(path.join(repo, 'fixtures/adversarial/contentsloop-06.pdf'))}), 'loop.pdf');
      await pdf.pageCount();
      setTimeout(() => console.log('reading'), 300);
      await pdf.pageLines(1);`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => parent.stdout.on('data', () => resolve()));
    const readers = fs.readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    expect(readers).toHaveLength(1);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 5_000;
    while (alive(readers[0]!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive(readers[0]!)).toBe(false);
  });
});

describe('typed errors from the library', () => {
  const codeOf = (bytes: Uint8Array, fileName: string) => convert(bytes, { fileName }).then(() => 'converted', (e: InputError) => `${e.constructor.name} ${e.code}`);
  it('every adversarial refusal has its code', async () => {
    expect(await codeOf(adversarial('hugecount-07.pdf'), 'a.pdf')).toBe('InputError pdf-invalid');
    expect(await codeOf(adversarial('pdf-page-20000x20000-flate-image.pdf'), 'b.pdf')).toBe('InputError pdf-unreadable');
    expect(await codeOf(adversarial('pdf-page-1x1-image-on-1x1pt-page.pdf'), 'c.pdf')).toBe('InputError pdf-unreadable');
    expect(await codeOf(adversarial('png-1x1.png'), 'd.png')).toBe('InputError image-too-small');
  });
  it('a damaged page is a warning with its page, and the other pages convert', async () => {
    const doc = await convert(adversarial('flate-bad.pdf'), { fileName: 'flate-bad.pdf' });
    expect(doc.warnings).toContainEqual({ code: 'pdf-page-damaged', message: 'page 3 cannot be read: a compressed stream is corrupt (Bad encoding in flate stream)', page: 3, line: 1 });
    expect(doc.source.pages).toHaveLength(3);
  });
});
