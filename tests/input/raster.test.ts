// Image pages decoded to grey pixels for OCR: every TIFF layout through pdf.js, the other formats through Skia,
// scaled to the resolution asked for, EXIF orientation applied, cut-off files refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imagePages, type ImageFormat } from '../../src/input/image.js';
import { rasterizeImage, truncation } from '../../src/input/raster.js';
import type { GreyImage } from '../../src/ocr/page-image.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/ocr/tiff');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));

async function decode(bytes: Uint8Array, format: ImageFormat, dpi: (d: number | null) => number | null = () => null): Promise<GreyImage> {
  const [page] = imagePages(bytes, format, 'x');
  return rasterizeImage(bytes, format, page!, 'x', { dpi, maxPixels: 1e8 });
}

const meanDifference = (a: GreyImage, b: GreyImage) => {
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs(a.pixels[i]! - b.pixels[i]!);
  return sum / a.pixels.length;
};

describe('TIFF pages, decoded by pdf.js', async () => {
  const grey = await decode(read('grey.png'), 'png');
  const bilevel = await decode(read('bilevel.png'), 'png');
  const layouts: Array<[string, GreyImage]> = [
    ['g4.tif', bilevel], ['g4-lsb.tif', bilevel], ['g3.tif', bilevel], ['g3-min-is-black.tif', bilevel], ['packbits.tif', bilevel],
    ['lzw-predictor.tif', grey], ['deflate-strips.tif', grey], ['deflate-tiles.tif', grey], ['uncompressed.tif', grey], ['palette.tif', grey],
  ];
  for (const [name, reference] of layouts) {
    it(`${name} shows the same pixels as the PNG it was made from`, async () => {
      const page = await decode(read(name), 'tiff');
      expect([page.width, page.height, page.dpi]).toEqual([400, 110, 200]);
      // Resampling at the same size still softens edges a little; a wrong decoding differs by tens.
      expect(meanDifference(page, reference)).toBeLessThan(name === 'palette.tif' ? 4 : 2.5);
    });
  }

  it('scales a page to the resolution asked for', async () => {
    const page = await decode(read('g4.tif'), 'tiff', () => 300);
    expect([page.width, page.height, page.dpi]).toEqual([600, 165, 300]);
  });
});

describe('other formats, decoded by Skia', () => {
  it('scales by the stated resolution and keeps pixels as they are without one', async () => {
    const png = read('grey.png'); // 200 dpi
    expect(await decode(png, 'png', (d) => (d === 200 ? 300 : null))).toMatchObject({ width: 600, height: 165, dpi: 300 });
    expect(await decode(withoutChunk(png, 'pHYs'), 'png', () => 300)).toMatchObject({ width: 400, height: 110, dpi: null });
  });

  it('turns a JPEG by its EXIF orientation, as a viewer shows it', async () => {
    const jpeg = exifRotated(read('upright-quarter-turned.jpg'));
    const page = await decode(jpeg, 'jpeg');
    expect([page.width, page.height]).toEqual([400, 110]);
    expect(meanDifference(page, await decode(read('grey.png'), 'png'))).toBeLessThan(6);
  });

  it('refuses cut-off files instead of reading their blank rest', async () => {
    expect(truncation(read('grey.png').subarray(0, 5000), 'png')).toMatch(/truncated/);
    expect(truncation(read('grey.png'), 'png')).toBeNull();
    const jpeg = read('upright-quarter-turned.jpg');
    expect(truncation(jpeg.subarray(0, jpeg.length - 200), 'jpeg')).toMatch(/truncated/);
    expect(truncation(jpeg, 'jpeg')).toBeNull();
    await expect(decode(read('grey.png').subarray(0, 5000), 'png')).rejects.toMatchObject({ code: 'image-invalid' });
  });
});

/** The JPEG with an APP1 Exif segment saying "rotate 90° clockwise to view" (orientation 6). */
function exifRotated(jpeg: Uint8Array): Uint8Array {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(6, 18);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 255]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), head, app1, jpeg.subarray(2)]));
}

/** The PNG without its chunks of one type (e.g. pHYs, the resolution). */
function withoutChunk(png: Uint8Array, type: string): Uint8Array {
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at < png.length;) {
    const end = at + 12 + view.getUint32(at);
    if (Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1') !== type) parts.push(png.subarray(at, end));
    at = end;
  }
  return new Uint8Array(Buffer.concat(parts));
}

describe('a Deflate TIFF bomb', () => {
  it('is refused before pdf.js inflates it: no strip may inflate to more than its pixels hold', async () => {
    const { deflateSync } = await import('node:zlib');
    const { encodeTiff } = await import('../../src/ocr/page-image.js');
    const plain = encodeTiff({ pixels: new Uint8Array(100 * 100).fill(255), width: 100, height: 100, dpi: 300 });
    const [page] = imagePages(plain, 'tiff', 'x');
    const strip = deflateSync(Buffer.alloc(20_000_000, 255)); // 20 MB from ~20 KB, for a 10 KB page
    const bomb = Buffer.concat([Buffer.from(plain.subarray(0, page!.tiff!.strips[0])), strip]);
    const v = new DataView(bomb.buffer, bomb.byteOffset);
    for (let i = 0, n = v.getUint16(8, true); i < n; i++) {
      const e = 10 + i * 12;
      if (v.getUint16(e, true) === 259) v.setUint16(e + 8, 8, true); // Deflate
      if (v.getUint16(e, true) === 279) v.setUint32(e + 8, strip.length, true);
    }
    await expect(decode(new Uint8Array(bomb), 'tiff')).rejects.toMatchObject({ code: 'image-invalid', message: /inflates to more than its page holds/ });
  });
});
