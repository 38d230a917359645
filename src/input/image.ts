// Checks image files before OCR: reads sizes and resolution from the headers, refuses oversized ones, splits multi-page TIFF.
import { inflateSync } from 'node:zlib';
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
  /** The bytes to give the OCR engine: the file itself, or for a TIFF page a copy whose first page is this one. */
  bytes(): Uint8Array;
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
    pages = format === 'tiff' ? tiffPages(bytes) : [{ number: 1, ...singleHeader(bytes, format), bytes: () => bytes }];
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

/** Compressions the OCR engine's libtiff decodes itself: none, CCITT RLE/G3/G4, LZW, PackBits. */
const TIFF_NATIVE = new Set([1, 2, 3, 4, 5, 32773]);
/** Deflate is not built into the engine's libtiff; protokoll inflates such pages itself (node:zlib). */
const TIFF_DEFLATE = new Set([8, 32946]);
const TIFF_COMPRESSION_NAMES: Record<number, string> = { 6: 'old-style JPEG', 7: 'JPEG', 34712: 'JPEG 2000', 34887: 'LERC', 34925: 'LZMA', 50000: 'Zstandard', 50001: 'WebP' };

interface TiffIfd {
  offset: number;
  width: number;
  height: number;
  dpi: number | null;
  compression: number;
  bits: number[];
  samples: number;
  photometric: number;
  predictor: number;
  planar: number;
  strips: number[];
  stripBytes: number[];
}

function readIfd(r: Reader, ifd: number): { page: TiffIfd; next: number } {
  const count = r.u16(ifd);
  const page: TiffIfd = { offset: ifd, width: 0, height: 0, dpi: null, compression: 1, bits: [1], samples: 1, photometric: 1, predictor: 1, planar: 1, strips: [], stripBytes: [] };
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
      case 273: page.strips = values(type, Math.min(n, 1_000_000), e + 8); break;
      case 277: page.samples = first(); break;
      case 279: page.stripBytes = values(type, Math.min(n, 1_000_000), e + 8); break;
      case 282: if (type === 5) { const at = r.u32(e + 8); const den = r.u32(at + 4); xres = den ? r.u32(at) / den : null; } break;
      case 284: page.planar = first(); break;
      case 296: unit = first(); break;
      case 317: page.predictor = first(); break;
    }
  }
  page.dpi = xres === null ? null : plausibleDpi(unit === 3 ? xres * 2.54 : unit === 2 ? xres : NaN);
  return { page, next: r.u32(ifd + 2 + count * 12) };
}

/**
 * Leptonica reads only the first page of a TIFF. All offsets in a TIFF are absolute, so a copy of the file
 * whose header points at page k's directory is a valid TIFF whose first page is page k.
 */
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
    if (!TIFF_NATIVE.has(d.compression) && !TIFF_DEFLATE.has(d.compression)) {
      const name = TIFF_COMPRESSION_NAMES[d.compression] ?? `number ${d.compression}`;
      throw new Error(`page ${number} uses ${name} compression, which protokoll cannot decode (it reads uncompressed, LZW, PackBits, CCITT G3/G4 and Deflate TIFF)`);
    }
    pages.push({
      number, width: d.width, height: d.height, dpi: d.dpi,
      bytes: () => {
        if (TIFF_DEFLATE.has(d.compression)) return inflateTiffPage(b, d, little);
        if (number === 1) return b;
        const copy = new Uint8Array(b);
        new DataView(copy.buffer, copy.byteOffset, copy.byteLength).setUint32(4, d.offset, little);
        return copy;
      },
    });
    ifd = next;
  }
  return pages;
}

/** Rewrites a Deflate-compressed TIFF page as an uncompressed single-page TIFF the engine can read. */
function inflateTiffPage(b: Uint8Array, d: TiffIfd, little: boolean): Uint8Array {
  const bits = d.bits[0] ?? 1;
  if (d.planar !== 1 || d.bits.some((x) => x !== bits) || (bits !== 1 && bits !== 8)) {
    throw new InputError('image-invalid', `the image cannot be read: this Deflate TIFF layout (${d.samples}×${bits}-bit, planar ${d.planar}) is not supported`);
  }
  const stride = Math.ceil((d.width * d.samples * bits) / 8);
  let data: Buffer;
  try {
    // No strip may inflate to more than the page holds: a small strip can otherwise expand to gigabytes.
    let room = stride * d.height;
    data = Buffer.concat(d.strips.map((at, i) => {
      if (room <= 0) return Buffer.alloc(0);
      const strip = inflateSync(b.subarray(at, at + (d.stripBytes[i] ?? 0)), { maxOutputLength: room });
      room -= strip.length;
      return strip;
    }));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'a TIFF strip inflates to more than its page holds' : 'a TIFF strip is damaged';
    throw new InputError('image-invalid', `the image cannot be read: ${why}`, { cause: error });
  }
  if (data.length < stride * d.height) throw new InputError('image-invalid', 'the image cannot be read: the TIFF pixel data is truncated');
  if (d.predictor === 2 && bits === 8) {
    for (let y = 0; y < d.height; y++) {
      const row = y * stride;
      for (let x = d.samples; x < stride; x++) data[row + x] = (data[row + x]! + data[row + x - d.samples]!) & 0xff;
    }
  }
  const entries: Array<[number, number, number[]]> = [
    [256, 4, [d.width]], [257, 4, [d.height]], [258, 3, Array.from({ length: d.samples }, () => bits)], [259, 3, [1]],
    [262, 3, [d.photometric]], [273, 4, [0]], [277, 3, [d.samples]], [278, 4, [d.height]], [279, 4, [stride * d.height]],
    ...(d.dpi ? ([[282, 5, [d.dpi, 1]], [283, 5, [d.dpi, 1]], [296, 3, [2]]] as Array<[number, number, number[]]>) : []),
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const extra: number[][] = [];
  let extraAt = 8 + ifdSize;
  const placed = entries.map(([tag, type, vals]) => {
    const size = (type === 3 ? 2 : type === 5 ? 8 : 4) * (type === 5 ? 1 : vals.length);
    if (size <= 4) return { tag, type, vals, at: -1 };
    const at = extraAt;
    extra.push(vals);
    extraAt += size + (size % 2);
    return { tag, type, vals, at };
  });
  const dataAt = extraAt;
  const out = new Uint8Array(dataAt + stride * d.height);
  const v = new DataView(out.buffer);
  out.set(little ? [0x49, 0x49, 42, 0] : [0x4d, 0x4d, 0, 42]);
  v.setUint32(4, 8, little);
  v.setUint16(8, entries.length, little);
  placed.forEach(({ tag, type, vals, at }, i) => {
    const e = 10 + i * 12;
    v.setUint16(e, tag, little);
    v.setUint16(e + 2, type, little);
    v.setUint32(e + 4, type === 5 ? 1 : vals.length, little);
    const put = (pos: number) => vals.forEach((x, k) => {
      if (type === 3) v.setUint16(pos + k * 2, x, little);
      else v.setUint32(pos + k * 4, tag === 273 ? dataAt : x, little);
    });
    if (at < 0) put(e + 8);
    else { v.setUint32(e + 8, at, little); put(at); }
  });
  out.set(data.subarray(0, stride * d.height), dataAt);
  return out;
}
