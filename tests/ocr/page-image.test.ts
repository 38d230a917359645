// The page image handed to both engines: straightened in protokoll, encoded as a TIFF that states its resolution.
import { describe, expect, it } from 'vitest';
import { imagePages } from '../../src/input/image.js';
import { encodeTiff, preparePage, rotate, type GreyImage } from '../../src/ocr/page-image.js';
import { estimateSkew } from '../../src/ocr/preprocess.js';

/** Dark text-like rows sloping by `degrees` on a white page. */
function page(degrees: number, width = 1200, height = 900): GreyImage {
  const pixels = new Uint8Array(width * height).fill(250);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let row = 100; row < height - 100; row += 40) {
    for (let x = 100; x < width - 100; x++) {
      if (x % 37 > 30) continue;
      const y0 = Math.round(row + x * t);
      for (let y = y0; y < y0 + 12; y++) if (y >= 0 && y < height) pixels[y * width + x] = 10;
    }
  }
  return { pixels, width, height, dpi: 200 };
}

const degrees = (radians: number) => (radians * 180) / Math.PI;

describe('straightening', () => {
  it('levels text lines that slope either way', () => {
    for (const d of [2.2, -1.6]) {
      const level = rotate(page(d), (d * Math.PI) / 180);
      expect(degrees(estimateSkew(level.pixels, level.width, level.height))).toBeCloseTo(0, 1);
    }
  });

  it('brings in white from outside the page and keeps the size', () => {
    const turned = rotate(page(0), (3 * Math.PI) / 180);
    expect([turned.width, turned.height, turned.dpi]).toEqual([1200, 900, 200]);
    expect(turned.pixels[0]).toBe(255);
  });

  it('rotates only pages sloping by a degree or more', () => {
    expect(preparePage(page(0.5)).rotated).toBe(0);
    expect(degrees(preparePage(page(1.8)).rotated)).toBeCloseTo(1.8, 1);
  });
});

describe('the TIFF both engines read', () => {
  it('holds the pixels uncompressed with the resolution, as a TIFF reader sees them', () => {
    // 12×10: the smallest page protokoll reads is 10 pixels on a side
    const image: GreyImage = { pixels: Uint8Array.from({ length: 120 }, (_, i) => (i * 20) & 0xff), width: 12, height: 10, dpi: 300 };
    const tiff = encodeTiff(image);
    const [p] = imagePages(tiff, 'tiff', 'x.tif');
    expect([p!.width, p!.height, p!.dpi, p!.tiff!.compression, p!.tiff!.photometric, p!.tiff!.bits]).toEqual([12, 10, 300, 1, 1, [8]]);
    expect([...tiff.subarray(p!.tiff!.strips[0]!, p!.tiff!.strips[0]! + 120)]).toEqual([...image.pixels]);
  });

  it('leaves the resolution out when it is not known', () => {
    const [p] = imagePages(encodeTiff({ pixels: new Uint8Array(100), width: 10, height: 10, dpi: null }), 'tiff', 'x.tif');
    expect(p!.dpi).toBeNull();
  });
});
