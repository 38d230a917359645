import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { imagePages, MAX_IMAGE_PIXELS } from '../../src/input/image.js';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/ocr', name)));

function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  return new Uint8Array(b);
}

function jpegHeader(width: number, height: number, dpi: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 1, dpi >> 8, dpi & 255, dpi >> 8, dpi & 255, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof InputError ? error.code : String(error);
  }
  return null;
};

describe('image checks before OCR', () => {
  it('reads size and resolution from PNG and JPEG headers', () => {
    const [png] = imagePages(fixture('familjen-p1-top.png'), 'png', 'a.png');
    expect(png).toMatchObject({ number: 1, width: 1654, height: 550, dpi: 200 });
    expect(imagePages(jpegHeader(2480, 3508, 300), 'jpeg', 'a.jpg')[0]).toMatchObject({ width: 2480, height: 3508, dpi: 300 });
  });

  it('splits a multi-page TIFF into pages, each with its own directory', () => {
    const pages = imagePages(fixture('two-pages.tif'), 'tiff', 'scan.tif');
    expect(pages.map((p) => [p.number, p.width, p.height, p.dpi])).toEqual([[1, 1653, 520, 200], [2, 1653, 390, 200]]);
    // The fixture is Deflate-compressed, one strip per page.
    expect(pages.map((p) => [p.tiff?.compression, p.tiff?.strips.length])).toEqual([[8, 1], [8, 1]]);
  });

  it(`refuses images above ${MAX_IMAGE_PIXELS / 1e6} megapixels before decoding them`, () => {
    expect(codeOf(() => imagePages(pngHeader(20_000, 20_000), 'png', 'bomb.png'))).toBe('image-too-large');
    expect(codeOf(() => imagePages(pngHeader(2000, 2000), 'png', 'ok.png', { maxPixels: 1_000_000 }))).toBe('image-too-large');
    expect(codeOf(() => imagePages(pngHeader(2000, 2000), 'png', 'ok.png'))).toBeNull();
  });

  it('calls truncated or nonsense images invalid', () => {
    expect(codeOf(() => imagePages(fixture('familjen-p1-top.png').subarray(0, 20), 'png', 'cut.png'))).toBe('image-invalid');
    expect(codeOf(() => imagePages(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]), 'jpeg', 'bad.jpg'))).toBe('image-invalid');
    expect(codeOf(() => imagePages(pngHeader(0, 100), 'png', 'empty.png'))).toBe('image-invalid');
    const loop = new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0]);
    expect(codeOf(() => imagePages(loop, 'tiff', 'loop.tif'))).toBe('image-invalid');
  });
});
