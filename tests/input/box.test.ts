// Line boxes: the geometry helpers, and boxes and page sizes from a PDF's text layer through to `source`.
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { boxAround, scaleBox, transformBox, unrotateBox } from '../../src/input/box.js';
import { readInput } from '../../src/input/read.js';
import { buildPdf } from '../robustness/pdf-builder.js';

describe('box geometry', () => {
  it('bounds points and rounds to a tenth', () => {
    expect(boxAround([[10.04, 20], [30, 5.55]])).toEqual({ x: 10, y: 5.6, width: 20, height: 14.5 });
    expect(boxAround([])).toBeNull();
    expect(boxAround([[Number.NaN, 1]])).toBeNull();
  });

  it('maps PDF user space (y up) onto the page seen from its top-left corner', () => {
    // pdf.js's viewport transform for an unrotated 595 × 842 page at scale 1.
    expect(transformBox({ x: 56, y: 777.8, width: 100, height: 11 }, [1, 0, 0, -1, 0, 842])).toEqual({ x: 56, y: 53.2, width: 100, height: 11 });
    expect(scaleBox({ x: 300, y: 150, width: 600, height: 30 }, 72 / 300)).toEqual({ x: 72, y: 36, width: 144, height: 7.2 });
  });

  it('turns a box found on a straightened image back onto the image as scanned', () => {
    const box = { x: 100, y: 50, width: 200, height: 20 };
    expect(unrotateBox(box, 0, 1000, 500)).toBe(box);
    // A quarter turn about the centre (500, 250) takes the box's corners (100, 50)…(300, 70) to (700, -150)…(680, 50).
    expect(unrotateBox(box, Math.PI / 2, 1000, 500)).toEqual({ x: 680, y: -150, width: 20, height: 200 });
    // A small skew keeps the box where it was, only a little taller: the line runs downhill.
    const tilted = unrotateBox({ x: 100, y: 240, width: 800, height: 20 }, (2 * Math.PI) / 180, 1000, 500)!;
    expect(tilted.x).toBeCloseTo(100, -1);
    expect(tilted.height).toBeCloseTo(20 + 800 * Math.sin((2 * Math.PI) / 180), 0);
  });
});

describe('boxes from a PDF text layer', () => {
  // buildPdf sets 11-point Helvetica at x = 56, baselines from y = 780 down by 14, on a 595 × 842 page.
  const pdf = buildPdf([['PROTOKOLL', 'Kommunstyrelsen', 'Datum: 2024-02-01', '', 'Beslutande', 'Anna Ek (S), ordförande'], ['§ 1 Öppnande', 'Mötet öppnades.']]);

  it('gives every line its box in points from the top-left corner, and every page its size', async () => {
    const doc = await readInput(pdf, 'built.pdf', { ocr: 'never' });
    expect(doc.pages.map((p) => p.size)).toEqual([{ width: 595, height: 842, unit: 'pt' }, { width: 595, height: 842, unit: 'pt' }]);
    const [first, second] = doc.pages[0]!.lines;
    expect(first!.box).toMatchObject({ x: 56, y: 53.2, height: 11 });
    expect(first!.box!.width).toBeGreaterThan(50);
    expect(second!.box!.y - first!.box!.y).toBeCloseTo(14, 5);
  });

  it('puts the box into every element\'s source and the size into source.pages', async () => {
    const doc = await convert(pdf, { fileName: 'built.pdf', ocr: 'never' });
    expect(doc.source.pages[1]!.size).toEqual({ width: 595, height: 842, unit: 'pt' });
    const item = doc.items[0]!;
    expect(item.source).toMatchObject({ page: 2, line: 1, box: { x: 56, y: 53.2, height: 11 } });
    expect(doc.attendees[0]!.source.box).toMatchObject({ x: 56, y: 53.2 + 5 * 14 });
  });

  it('leaves text inputs without boxes or sizes: null, not missing', async () => {
    const doc = await convert(Buffer.from('PROTOKOLL\nBeslutande\nAnna Ek (S)\n\n§ 1 Öppnande\nMötet öppnades.\n'), { fileName: 'a.txt' });
    expect(doc.source.pages[0]!.size).toBeNull();
    expect(doc.items[0]!.source).toEqual({ page: 1, line: 5, box: null });
  });
});
