// Checks image files before OCR: reads sizes and resolution from the headers, refuses oversized ones, splits multi-page TIFF.
import { InputError } from '../errors.js';

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp';

/**
 * The largest image protokoll reads, in pixels per page (100 megapixels: an A0 sheet at 300 dpi is 140,
 * an A3 page at 600 dpi 70). OCR decodes a page into several full-size buffers in WebAssembly memory,
 * which a decompression bomb would exhaust.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Fewer pixels than this on a side hold no readable text, and the OCR engine fails on them outright. */
export const MIN_OCR_SIDE = 10;

export interface ImagePage {
  /** 1-based page within the file (TIFF pages; 1 for every other format). */
  number: number;
  width: number;
  height: number;
  /** Resolution stated in the file, null when absent or implausible. */
  dpi: number | null;
  /** A TIFF page's directory (every other format is one page: the file itself). */
  tiff?: TiffIfd;
}

export interface ImageCheckOptions {
  maxPixels?: number;
}

const invalid = (file: string, what: string, cause?: unknown) =>
  new InputError('image-invalid', `the image cannot be read: ${what}`, { file, cause });

const plausibleDpi = (dpi: number): number | null => (Number.isFinite(dpi) && dpi >= 50 && dpi <= 2400 ? Math.round(dpi) : null);

/** Pages of an image file, after checking each page's header. Throws InputError image-invalid or image-too-large. */
export function imagePages(bytes: Uint8Array, format: ImageFormat, file: string, options: ImageCheckOptions = {}): ImagePage[] {
  const max = options.maxPixels ?? MAX_IMAGE_PIXELS;
  let pages: ImagePage[];
  try {
    pages = format === 'tiff' ? tiffPages(bytes) : [{ number: 1, ...singleHeader(bytes, format) }];
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw invalid(file, (error as Error).message, error);
  }
  if (pages.length === 0) throw invalid(file, 'it has no pages');
  for (const p of pages) {
    if (!(p.width > 0 && p.height > 0)) throw invalid(file, `page ${p.number} has no size`);
    if (p.width < MIN_OCR_SIDE || p.height < MIN_OCR_SIDE) {
      throw new InputError(
        'image-too-small',
        `the image${pages.length > 1 ? ` (page ${p.number})` : ''} is ${p.width}×${p.height} pixels, too small to hold readable text (at least ${MIN_OCR_SIDE} pixels on a side)`,
        { file },
      );
    }
    if (p.width * p.height > max) {
      throw new InputError(
        'image-too-large',
        `the image${pages.length > 1 ? ` (page ${p.number})` : ''} is ${p.width}×${p.height} pixels (${(p.width * p.height / 1e6).toFixed(0)} megapixels); the limit is ${(max / 1e6).toFixed(0)} megapixels`,
        { file },
      );
    }
  }
  return pages;
}

class Reader {
  constructor(readonly b: Uint8Array, readonly little = false) {}
  need(at: number, n: number): void {
    if (at < 0 || at + n > this.b.length) throw new Error('the file is truncated');
  }
  u8(at: number): number { this.need(at, 1); return this.b[at]!; }
  u16(at: number): number {
    this.need(at, 2);
    return this.little ? this.b[at]! | (this.b[at + 1]! << 8) : (this.b[at]! << 8) | this.b[at + 1]!;
  }
  u32(at: number): number {
    this.need(at, 4);
    const [a, b, c, d] = [this.b[at]!, this.b[at + 1]!, this.b[at + 2]!, this.b[at + 3]!];
    return this.little ? (a | (b << 8) | (c << 16) | (d << 24)) >>> 0 : ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  }
  i32(at: number): number { return this.u32(at) | 0; }
  ascii(at: number, n: number): string { this.need(at, n); return String.fromCharCode(...this.b.subarray(at, at + n)); }
}

type Header = { width: number; height: number; dpi: number | null };

function singleHeader(b: Uint8Array, format: Exclude<ImageFormat, 'tiff'>): Header {
  switch (format) {
    case 'png': return png(b);
    case 'jpeg': return jpeg(b);
    case 'gif': { const r = new Reader(b, true); return { width: r.u16(6), height: r.u16(8), dpi: null }; }
    case 'bmp': return bmp(b);
    case 'webp': return webp(b);
  }
}

/** BMP compressions whose pixel data has a fixed size: none, bit fields (the decoder reads past the end of others). */
const BMP_UNCOMPRESSED = new Set([0, 3, 6]);

function bmp(b: Uint8Array): Header {
  const r = new Reader(b, true);
  const small = r.u32(14) === 12; // OS/2 BITMAPCOREHEADER has 16-bit sizes
  const width = small ? r.u16(18) : r.i32(18);
  const height = Math.abs(small ? r.u16(20) : r.i32(22));
  const bits = r.u16(small ? 24 : 28);
  const compression = small ? 0 : r.u32(30);
  const ppm = small ? 0 : r.i32(38);
  if (![1, 4, 8, 16, 24, 32].includes(bits)) throw new Error(`the BMP has ${bits} bits per pixel`);
  if (width > 0 && height > 0 && BMP_UNCOMPRESSED.has(compression)) {
    const rowBytes = Math.floor((bits * width + 31) / 32) * 4;
    const needed = r.u32(10) + rowBytes * height;
    if (needed > b.length) {
      throw new Error(`the BMP is truncated: its header declares ${width}×${height} pixels (${needed.toLocaleString('en')} bytes with the header), but the file holds ${b.length.toLocaleString('en')} bytes`);
    }
  }
  return { width, height, dpi: ppm > 0 ? plausibleDpi(ppm * 0.0254) : null };
}

function png(b: Uint8Array): Header {
  const r = new Reader(b);
  if (r.ascii(12, 4) !== 'IHDR') throw new Error('the PNG header is missing');
  const width = r.u32(16);
  const height = r.u32(20);
  let dpi: number | null = null;
  // pHYs must come before the image data; stop there.
  for (let at = 8; at + 8 <= b.length;) {
    const len = r.u32(at);
    const type = r.ascii(at + 4, 4);
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && len >= 9 && r.u8(at + 16) === 1) dpi = plausibleDpi(r.u32(at + 8) * 0.0254);
    at += 12 + len;
  }
  return { width, height, dpi };
}

function jpeg(b: Uint8Array): Header {
  const r = new Reader(b);
  let dpi: number | null = null;
  for (let at = 2; at + 4 <= b.length;) {
    if (r.u8(at) !== 0xff) throw new Error('the JPEG markers are damaged');
    const marker = r.u8(at + 1);
    if (marker === 0xff) { at++; continue; }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; }
    const len = r.u16(at + 2);
    if (marker === 0xe0 && r.ascii(at + 4, 5) === 'JFIF\0') {
      const units = r.u8(at + 11);
      const x = r.u16(at + 12);
      if (units === 1) dpi = plausibleDpi(x);
      else if (units === 2) dpi = plausibleDpi(x * 2.54);
    }
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: r.u16(at + 5), width: r.u16(at + 7), dpi };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + len;
  }
  throw new Error('the JPEG has no frame header');
}

function webp(b: Uint8Array): Header {
  const r = new Reader(b, true);
  const chunk = r.ascii(12, 4);
  if (chunk === 'VP8X') return { width: 1 + (r.u16(24) | (r.u8(26) << 16)), height: 1 + (r.u16(27) | (r.u8(29) << 16)), dpi: null };
  if (chunk === 'VP8L') {
    const bits = r.u32(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff), dpi: null };
  }
  if (chunk === 'VP8 ') return { width: r.u16(26) & 0x3fff, height: r.u16(28) & 0x3fff, dpi: null };
  throw new Error('unknown WebP chunk');
}

/** A file claiming more pages than this is damaged (or hostile), not a long scan. */
const MAX_TIFF_PAGES = 10_000;

/** Compressions protokoll decodes (through pdf.js, tiff-pdf.ts): none, CCITT RLE/G3/G4, LZW, PackBits, Deflate. */
export const TIFF_COMPRESSIONS = new Set([1, 2, 3, 4, 5, 8, 32773, 32946]);
const TIFF_COMPRESSION_NAMES: Record<number, string> = { 6: 'old-style JPEG', 7: 'JPEG', 34712: 'JPEG 2000', 34887: 'LERC', 34925: 'LZMA', 50000: 'Zstandard', 50001: 'WebP' };

/** One TIFF page's directory: what it takes to find and decode its pixels. */
export interface TiffIfd {
  width: number;
  height: number;
  dpi: number | null;
  compression: number;
  bits: number[];
  samples: number;
  photometric: number;
  predictor: number;
  planar: number;
  /** 1: bits from the high end of each byte (usual); 2: from the low end. */
  fillOrder: number;
  /** Group 3 options: bit 0 = 2-D coding, bit 2 = rows padded to whole bytes. */
  t4Options: number;
  rowsPerStrip: number;
  /** Strip (or, with tileWidth, tile) offsets and byte counts. */
  strips: number[];
  stripBytes: number[];
  tileWidth: number;
  tileLength: number;
  /** Palette images: 3 × 2^bits 16-bit values, all reds, then greens, then blues. */
  colorMap: number[];
  /** Extra channels (alpha) after the colour samples. */
  extraSamples: number;
}

function readIfd(r: Reader, ifd: number): { page: TiffIfd; next: number } {
  const count = r.u16(ifd);
  const page: TiffIfd = {
    width: 0, height: 0, dpi: null, compression: 1, bits: [1], samples: 1, photometric: 1, predictor: 1, planar: 1,
    fillOrder: 1, t4Options: 0, rowsPerStrip: 0, strips: [], stripBytes: [], tileWidth: 0, tileLength: 0, colorMap: [], extraSamples: 0,
  };
  let xres: number | null = null;
  let unit = 2;
  const values = (type: number, n: number, at: number): number[] => {
    const size = type === 3 ? 2 : 4;
    const base = n * size > 4 ? r.u32(at) : at;
    return Array.from({ length: n }, (_, i) => (type === 3 ? r.u16(base + i * size) : r.u32(base + i * size)));
  };
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = r.u16(e);
    const type = r.u16(e + 2);
    const n = r.u32(e + 4);
    const first = () => values(type, 1, e + 8)[0]!;
    switch (tag) {
      case 256: page.width = first(); break;
      case 257: page.height = first(); break;
      case 258: page.bits = values(type, Math.min(n, 16), e + 8); break;
      case 259: page.compression = first(); break;
      case 262: page.photometric = first(); break;
      case 266: page.fillOrder = first(); break;
      case 273: case 324: page.strips = values(type, Math.min(n, 1_000_000), e + 8); break;
      case 277: page.samples = first(); break;
      case 278: page.rowsPerStrip = first(); break;
      case 279: case 325: page.stripBytes = values(type, Math.min(n, 1_000_000), e + 8); break;
      case 282: if (type === 5) { const at = r.u32(e + 8); const den = r.u32(at + 4); xres = den ? r.u32(at) / den : null; } break;
      case 284: page.planar = first(); break;
      case 292: page.t4Options = first(); break;
      case 296: unit = first(); break;
      case 317: page.predictor = first(); break;
      case 320: page.colorMap = values(type, Math.min(n, 3 * 65536), e + 8); break;
      case 322: page.tileWidth = first(); break;
      case 323: page.tileLength = first(); break;
      case 338: page.extraSamples = n; break;
    }
  }
  page.dpi = xres === null ? null : plausibleDpi(unit === 3 ? xres * 2.54 : unit === 2 ? xres : NaN);
  return { page, next: r.u32(ifd + 2 + count * 12) };
}

/** Every page of a TIFF with its directory; the pixels are decoded later, one page at a time (tiff-pdf.ts). */
function tiffPages(b: Uint8Array): ImagePage[] {
  const little = b[0] === 0x49;
  const r = new Reader(b, little);
  if (r.u16(2) === 43) throw new Error('BigTIFF files are not supported');
  const pages: ImagePage[] = [];
  const seen = new Set<number>();
  for (let ifd = r.u32(4); ifd !== 0; ) {
    if (seen.has(ifd) || pages.length >= MAX_TIFF_PAGES) throw new Error('the TIFF page list loops');
    seen.add(ifd);
    const { page: d, next } = readIfd(r, ifd);
    const number = pages.length + 1;
    if (!TIFF_COMPRESSIONS.has(d.compression)) {
      const name = TIFF_COMPRESSION_NAMES[d.compression] ?? `number ${d.compression}`;
      throw new Error(`page ${number} uses ${name} compression, which protokoll cannot decode (it reads uncompressed, LZW, PackBits, CCITT G3/G4 and Deflate TIFF)`);
    }
    pages.push({ number, width: d.width, height: d.height, dpi: d.dpi, tiff: d });
    ifd = next;
  }
  return pages;
}
