import { describe, expect, it } from 'vitest';
import { deskewAngle, estimateSkew, renderDpi } from '../../src/ocr/preprocess.js';
import { OcrProgressLine } from '../../src/ocr/progress.js';

/** A white page with dark text-like rows sloping by `degrees` (positive: falling to the right). */
function page(degrees: number, width = 1600, height = 2200): Uint8Array {
  const g = new Uint8Array(width * height).fill(235);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let row = 200; row < height - 200; row += 40) {
    for (let x = 150; x < width - 150; x++) {
      if (x % 37 > 30) continue; // gaps between "words"
      const y0 = Math.round(row + x * t);
      for (let y = y0; y < y0 + 14; y++) if (y >= 0 && y < height) g[y * width + x] = 20;
    }
  }
  return g;
}

describe('deskew measurement', () => {
  for (const d of [2.2, -1.5, 0.7, -0.6]) {
    it(`finds a slope of ${d}°`, () => {
      expect((estimateSkew(page(d), 1600, 2200) * 180) / Math.PI).toBeCloseTo(d, 1);
    });
  }
  it('straightens only from 1° on', () => {
    expect(deskewAngle((0.7 * Math.PI) / 180)).toBe(0);
    expect(deskewAngle((-2.2 * Math.PI) / 180)).toBeCloseTo((-2.2 * Math.PI) / 180, 6);
  });
  it('leaves straight, blank and all-black pages alone', () => {
    expect(estimateSkew(page(0), 1600, 2200)).toBe(0);
    expect(estimateSkew(new Uint8Array(1000 * 1000).fill(250), 1000, 1000)).toBe(0);
    expect(estimateSkew(new Uint8Array(1000 * 1000).fill(0), 1000, 1000)).toBe(0);
  });
});

describe('render resolution', () => {
  it('renders at the scan\'s own resolution, at least 200 and at most 400 dpi; 300 without a scan', () => {
    expect([renderDpi(150), renderDpi(200), renderDpi(300), renderDpi(600), renderDpi(null)]).toEqual([200, 200, 300, 400, 300]);
  });
});

describe('OCR progress line', () => {
  it('sums pages over documents on a terminal', () => {
    const out: string[] = [];
    const line = new OcrProgressLine({ stream: { isTTY: true, write: (s: string) => out.push(s) }, interval: 0 });
    line.update({ file: 'a.pdf', pagesDone: 0, pagesTotal: 3 });
    line.update({ file: 'b.png', pagesDone: 1, pagesTotal: 1 });
    line.update({ file: 'a.pdf', pagesDone: 2, pagesTotal: 3 });
    expect(out.at(-1)).toContain('OCR: 3/4 pages');
    line.clear();
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });
  it('draws nothing when stderr is not a terminal', () => {
    const out: string[] = [];
    const line = new OcrProgressLine({ stream: { isTTY: false, write: (s: string) => out.push(s) } });
    line.update({ file: 'a.pdf', pagesDone: 1, pagesTotal: 1 });
    line.clear();
    expect(out).toEqual([]);
    expect(line.counts).toEqual({ done: 1, total: 1 });
  });
});
