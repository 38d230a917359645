import { describe, expect, it } from 'vitest';
import { pageLines, type OcrLine, type OcrPage } from '../../src/ocr/page.js';

/** A line of words at baseline y; each word is [text, x0, x1, confidence]. Letters 30 px high, as at 200 dpi. */
function line(y: number, words: Array<[string, number, number, number?]>): OcrLine {
  const ws = words.map(([text, x0, x1, confidence = 95]) => ({ text, confidence, bbox: { x0, y0: y - 30, x1, y1: y } }));
  return {
    words: ws,
    bbox: { x0: ws[0]!.bbox.x0, y0: y - 30, x1: ws[ws.length - 1]!.bbox.x1, y1: y },
    baseline: { x0: ws[0]!.bbox.x0, y0: y, x1: ws[ws.length - 1]!.bbox.x1, y1: y },
  };
}
const page = (...blocks: OcrLine[][]): OcrPage => ({ blocks: blocks.map((lines) => ({ paragraphs: [{ lines }] })) });

/** Filler wide enough to make the measure of a real page: 160 to 1480 px. */
const full = (y: number, last = 'slut') => line(y, [['Lorem', 160, 300], ['ipsum', 320, 1300], [last, 1320, 1480]]);

describe('OCR page lines', () => {
  it('numbers lines top to bottom and keeps each line\'s mean word confidence', () => {
    const r = pageLines(page([line(200, [['Protokoll', 160, 400, 90], ['nr', 420, 470, 80]]), line(240, [['Tid', 160, 220, 96]])]), 3);
    expect(r.lines.map((l) => [l.page, l.line, l.text, l.confidence])).toEqual([[3, 1, 'Protokoll nr', 85], [3, 2, 'Tid', 96]]);
    expect(r.confidence).toBeCloseTo(88.7, 1);
    expect(r.words).toBe(3);
  });

  it('puts a label and its value read as separate blocks back on one line, with a tab for the wide gap', () => {
    const r = pageLines(page([line(200, [['Tid', 160, 220], ['och', 235, 290], ['plats', 305, 380]])], [line(201, [['Orbaden', 700, 860]])]), 1);
    expect(r.lines.map((l) => l.text)).toEqual(['Tid och plats\tOrbaden']);
  });

  it('marks a gap bigger than the line pitch and lines that ran to the right margin', () => {
    const r = pageLines(page([
      full(200), full(240), line(280, [['kort', 160, 240]]),
      // a blank line: 80 px instead of 40
      full(360), line(400, [['sista', 160, 260]]),
    ]), 1);
    expect(r.lines.map((l) => [l.gapBefore, l.wrapped])).toEqual([
      [false, true], [false, true], [false, false], [true, true], [false, false],
    ]);
  });

  it('does not call a line wrapped when the next one starts indented or after a gap', () => {
    const r = pageLines(page([full(200), line(240, [['indrag', 400, 600]]), full(280), full(360)]), 1);
    expect(r.lines.map((l) => l.wrapped)).toEqual([false, false, false, false]);
  });

  it('gives each line the box around its words, in image pixels, without a speck dropped from its end', () => {
    const r = pageLines(page([line(200, [['Protokoll', 160, 400], ['nr', 420, 470]]), line(240, [['Tid', 160, 220], ['E', 1400, 1410, 20]])]), 1);
    expect(r.lines.map((l) => [l.text, l.box])).toEqual([
      ['Protokoll nr', { x: 160, y: 170, width: 310, height: 30 }],
      ['Tid', { x: 160, y: 210, width: 60, height: 30 }],
    ]);
  });

  it('reads an empty page as no lines and no confidence', () => {
    expect(pageLines({ blocks: null }, 1)).toEqual({ lines: [], confidence: null, words: 0 });
  });
});

describe('specks and table cells', () => {
  it('drops a stray mark far out at the end of a line, but keeps a cross that stands in a column of a table', () => {
    const lines = [
      line(200, [['Ledamot', 160, 330], ['Närvarande', 900, 1120]]),
      line(240, [['Anna', 160, 250], ['Öberg', 262, 380], ['x', 960, 980, 40]]),
      line(280, [['Per', 160, 230], ['Ek', 245, 300]]),
      line(320, [['Maria', 160, 270], ['Lind', 282, 360], ['x', 962, 982, 45]]),
      line(360, [['Göran', 160, 280], ['Häll', 292, 370], ['x', 958, 978, 38]]),
      line(400, [['Ale', 160, 230], ['E', 1400, 1420, 30]]),
    ];
    expect(pageLines(page(lines), 1).lines.map((l) => l.text)).toEqual([
      'Ledamot\tNärvarande', 'Anna Öberg\tx', 'Per Ek', 'Maria Lind\tx', 'Göran Häll\tx', 'Ale',
    ]);
  });

  it('drops a stray mark far out before a line too, but keeps a number and a first column of a table', () => {
    const lines = [
      line(200, [['i:', 20, 40, 30], ['Anteckningar', 160, 400]]),
      line(240, [['3', 60, 75, 30], ['Beslut', 160, 300]]),
      line(280, [['x', 60, 75, 40], ['Anna', 160, 250]]),
      line(320, [['x', 62, 77, 40], ['Per', 160, 230]]),
      line(360, [['x', 61, 76, 40], ['Maria', 160, 270]]),
    ];
    expect(pageLines(page(lines), 1).lines.map((l) => l.text)).toEqual(['Anteckningar', '3 Beslut', 'x Anna', 'x Per', 'x Maria']);
  });
});
