// OCR through readInput on small page crops: images (PNG, multi-page TIFF), a mixed PDF in every mode, the shared pool.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, OcrError } from '../../src/errors.js';
import { readInput } from '../../src/input/read.js';
import { OcrPool } from '../../src/ocr/pool.js';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/ocr', name)));
const texts = (doc: { pages: Array<{ lines: Array<{ text: string }> }> }) => doc.pages.map((p) => p.lines.map((l) => l.text));

// One pool for the whole file, as the CLI shares one between the documents of a batch.
const pool = new OcrPool({ jobs: 2 });
afterAll(() => pool.terminate());

describe('OCR of images', () => {
  it('reads a PNG page into lines with confidences, provenance and layout hints', async () => {
    const progress: string[] = [];
    const doc = await readInput(fixture('familjen-p1-top.png'), 'top.png', { ocrPool: pool, onProgress: (e) => progress.push(`${e.pagesDone}/${e.pagesTotal}`) });
    expect(doc.format).toBe('image');
    expect(doc.pages).toHaveLength(1);
    const page = doc.pages[0]!;
    expect(page.source).toBe('ocr');
    expect(page.ocrConfidence).toBeGreaterThan(85);
    expect(page.lines.slice(0, 2).map((l) => l.text)).toEqual(['Protokoll nr 9 2025', 'Kommundirektorsmote i Familjen Helsingborg']);
    expect(page.lines.map((l) => l.text)).toContain('Jonas Jonsson, Bastad Elin Ask, Angelholm');
    expect(page.lines.map((l) => [l.page, l.line])).toEqual(page.lines.map((_, i) => [1, i + 1]));
    for (const l of page.lines) expect(l.confidence).toBeGreaterThan(50);
    // Boxes in the image's pixels: the title stands at the top left of this 1654 × 550 crop.
    expect(page.size).toEqual({ width: 1654, height: 550, unit: 'px' });
    const title = page.lines[0]!.box!;
    expect([title.x, title.y, title.x + title.width]).toEqual([expect.closeTo(171, -1.5), expect.closeTo(7, -1.5), expect.closeTo(407, -1.5)]);
    for (const l of page.lines) expect(l.box!.y + l.box!.height).toBeLessThanOrEqual(550);
    // A blank line separates the title from the heading line below it.
    expect(page.lines[1]!.gapBefore).toBe(true);
    expect(progress).toEqual(['0/1', '1/1']);
  });

  it('reads a finer scan at a lower resolution, and measures its boxes on the image as the file holds it', async () => {
    // The same crop as a JPEG that says 600 dpi: read at 400 (preprocess.renderDpi), boxes in the file's pixels.
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const png = await loadImage(Buffer.from(fixture('familjen-p1-top.png')));
    const canvas = createCanvas(png.width, png.height);
    canvas.getContext('2d').drawImage(png, 0, 0);
    const jpeg = withJfifDpi(canvas.toBuffer('image/jpeg', 92), 600);
    const doc = await readInput(jpeg, 'fine.jpg', { ocrPool: pool });
    const page = doc.pages[0]!;
    expect(page.lines[0]!.text).toBe('Protokoll nr 9 2025');
    expect(page.size).toEqual({ width: 1654, height: 550, unit: 'px' });
    const title = page.lines[0]!.box!;
    expect([title.x, title.y, title.x + title.width]).toEqual([expect.closeTo(171, -1.5), expect.closeTo(7, -1.5), expect.closeTo(407, -1.5)]);
  });

  it('reads every page of a multi-page TIFF, Swedish letters included', async () => {
    const doc = await readInput(fixture('two-pages.tif'), 'scan.tif', { ocrPool: pool });
    const [p1, p2] = texts(doc);
    expect(doc.pages.map((p) => [p.number, p.source])).toEqual([[1, 'ocr'], [2, 'ocr']]);
    expect(p1).toContain('John-Erik Jansson (C), Söderhamns kommun');
    expect(p1).toContain('Andreas Kissner (KD), Ovanåker');
    expect(p2).toContain('Övriga deltagare');
    expect(p2).toContain('Lena Högback, Hudiksvalls kommun');
    expect(doc.pages[1]!.lines[0]).toMatchObject({ page: 2, line: 1 });
  });

  it('refuses a damaged image with image-invalid, and images at all under --ocr never', async () => {
    const png = fixture('familjen-p1-top.png');
    const cut = png.slice(0, 4000);
    await expect(readInput(cut, 'cut.png', { ocrPool: pool })).rejects.toMatchObject({ code: 'image-invalid', file: 'cut.png' });
    await expect(readInput(png, 'a.png', { ocr: 'never', ocrPool: pool })).rejects.toMatchObject({ code: 'image-needs-ocr' });
  });
});

describe('OCR of PDFs', () => {
  // Page 1 has a real text layer, page 2 is a scan without one, page 3 a scan under a layer that lost å/ä/ö.
  const mixed = fixture('mixed.pdf');

  it('auto: keeps a good text layer, OCRs the scan, replaces the damaged layer', async () => {
    const doc = await readInput(mixed, 'mixed.pdf', { ocrPool: pool });
    expect(doc.pages.map((p) => p.source)).toEqual(['layer', 'ocr', 'ocr']);
    expect(doc.pages[0]!.ocrConfidence).toBeNull();
    expect(doc.pages[1]!.ocrConfidence).toBeGreaterThan(80);
    const [p1, p2, p3] = texts(doc);
    expect(p1).toContain('Protokoll fört vid sammanträde med styrelsen');
    expect(p2).toContain('Mattias Bergström, Ovanåkers kommun');
    expect(p3).toContain('Jonatan Hölzgen (SD), Bollnäs kommun');
    expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([['pdf-text-layer-replaced', 3]]);
    // An OCR'd page is measured like a text layer: in points on the PDF page, so one viewer scale fits both.
    expect(doc.pages.map((p) => p.size)).toEqual([{ width: 595, height: 300, unit: 'pt' }, { width: 595, height: 140, unit: 'pt' }, { width: 595, height: 187, unit: 'pt' }]);
    for (const l of doc.pages[1]!.lines) {
      expect(l.box!.x).toBeGreaterThanOrEqual(0);
      expect(l.box!.x + l.box!.width).toBeLessThanOrEqual(595);
      expect(l.box!.y + l.box!.height).toBeLessThanOrEqual(140);
    }
  });

  // As scanner software makes them: the scan as a JPEG under Tesseract's invisible GlyphLessFont text.
  it('auto: replaces a scanner\'s own OCR layer that lost å/ä/ö, and keeps one that reads well', async () => {
    const poor = await readInput(fixture('scanner-layer-poor.pdf'), 'poor.pdf', { ocrPool: pool });
    expect(poor.pages.map((p) => p.source)).toEqual(['ocr']);
    expect(poor.warnings.map((w) => w.code)).toEqual(['pdf-text-layer-replaced']);
    expect(texts(poor)[0]).toContain('John-Erik Jansson (C), Söderhamns kommun');
    const good = await readInput(fixture('scanner-layer-good.pdf'), 'good.pdf', { ocrPool: pool });
    expect(good.pages.map((p) => p.source)).toEqual(['layer']);
    expect(good.warnings).toEqual([]);
    expect(texts(good)[0]).toContain('Mikael Löthstam (S), Hudiksvalls kommun');
  });

  it('never: text layers only, and a warning for the page without one', async () => {
    const doc = await readInput(mixed, 'mixed.pdf', { ocr: 'never', ocrPool: pool });
    expect(doc.pages.map((p) => p.source)).toEqual(['layer', 'layer', 'layer']);
    expect(texts(doc)[2]).toContain('Jonatan Holzgen (SD), Bollnas kommun');
    expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([['page-no-text', 2]]);
  });

  // With tesseract.js, whose workers are threads (engines.test.ts does the same for native processes).
  it('a page over the time limit gets ocr-timeout and the document goes on; when every page ran over it fails', async () => {
    const own = new OcrPool({ jobs: 1, engine: 'wasm' });
    try {
      const doc = await readInput(mixed, 'mixed.pdf', { ocr: 'auto', ocrPool: own, pageTimeoutMs: 1 });
      expect(doc.pages).toHaveLength(3);
      expect(doc.pages.map((p) => p.source)).toEqual(['layer', 'ocr', 'layer']);
      expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([['ocr-timeout', 2]]);
      // Issue 13 point 9: nothing read at all is a failure, not an empty "converted" document.
      await expect(readInput(mixed, 'mixed.pdf', { ocr: 'always', ocrPool: own, pageTimeoutMs: 1 })).rejects.toMatchObject({
        code: 'ocr-timeout',
        message: 'OCR of all 3 pages ran over the page time limit (--page-timeout); nothing was read',
      });
    } finally {
      await own.terminate();
    }
  });
});

describe('the OCR pool', () => {
  it('fails pages after it is terminated, and terminating twice is harmless', async () => {
    const own = new OcrPool({ jobs: 1 });
    await own.terminate();
    await own.terminate();
    await expect(own.recognize({ image: fixture('familjen-p1-top.png') })).rejects.toBeInstanceOf(OcrError);
  });

  it('rejects unknown languages before starting any worker', () => {
    expect(() => new OcrPool({ lang: 'klingon' })).toThrow(/unknown OCR language/);
    expect(InputError).toBeDefined();
  });
});

/** A JPEG (as Skia writes it: JFIF first) with its stated resolution set. */
function withJfifDpi(jpeg: Buffer, dpi: number): Uint8Array {
  const b = new Uint8Array(jpeg);
  expect(Buffer.from(b.subarray(6, 11)).toString('latin1')).toBe('JFIF\0');
  b[13] = 1; // dots per inch
  b[14] = dpi >> 8; b[15] = dpi & 255; b[16] = dpi >> 8; b[17] = dpi & 255;
  return b;
}
