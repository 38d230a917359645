// Page images for the review site: PDF pages rendered through the OCR rasteriser, scans scaled down, all as JPEG.
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import UTIF from 'utif';
import type { InputFormat } from '../document.js';
import { detectType } from '../input/detect.js';
import { imagePages, MAX_IMAGE_PIXELS } from '../input/image.js';
import { RemotePdf } from '../input/pdf-reader/remote.js';
import { sharedPdfReaders } from '../input/pdf-reader/shared.js';

/**
 * How page images are made. 110 dpi keeps 10-point type readable on a laptop screen, and JPEG at quality 60 keeps
 * it clean. WebP is a quarter smaller but takes several times longer to encode a page of text, which a batch of
 * born-digital PDFs would feel (scripts/bench/review.mjs measures both, and rendering in the browser instead).
 */
export const PAGE_IMAGE = { dpi: 110, format: 'jpeg', quality: 60, extension: 'jpg', maxPixels: 6_000_000 } as const;

export interface PageImage {
  page: number;
  /** The encoded image, or null when the page could not be drawn (the site then says so). */
  data: Buffer | null;
  problem: string | null;
}

export interface PageImageOptions {
  password?: string;
  dpi?: number;
  /** Only these pages (numbered as in the document); the others are neither drawn nor yielded. */
  pages?: ReadonlySet<number>;
  /**
   * Pages the conversion could not read in time or memory, with why: they are not drawn again (a page that loops
   * would cost its whole time limit a second time), and the site says why instead.
   */
  unreadable?: ReadonlyMap<number, string>;
  /** Another encoding than the site's, for comparing them (scripts/bench/review.mjs). */
  encoding?: { format: 'webp' | 'jpeg'; quality: number };
}

/**
 * One image per page of the input, in page order; text inputs have none. A document made of parts (a folder of
 * page images) numbers the pages of each part on from the last, as conversion does. Never throws for a page it
 * cannot draw.
 */
export async function* pageImages(bytes: Uint8Array | readonly Uint8Array[], format: InputFormat, file: string, options: PageImageOptions = {}): AsyncGenerator<PageImage> {
  if (format === 'text') return;
  const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
  let offset = 0;
  for (const part of parts) {
    let count = 0;
    const wanted = options.pages ? new Set([...options.pages].map((n) => n - offset)) : undefined;
    const unreadable = options.unreadable && new Map([...options.unreadable].map(([n, why]) => [n - offset, why]));
    const images = detectType(part).kind === 'pdf' ? pdfImages(part, file, { ...options, pages: wanted, unreadable }) : scanImages(part, file, { ...options, pages: wanted });
    for await (const image of images) {
      count = Math.max(count, image.page);
      yield { ...image, page: image.page + offset };
    }
    offset += await pageCount(part, file, options, count);
  }
}

/** How many pages a part has, so the next part's pages number on from them. */
async function pageCount(part: Uint8Array, file: string, options: PageImageOptions, seen: number): Promise<number> {
  const type = detectType(part);
  try {
    if (type.kind === 'image') return imagePages(part, type.format, file).length;
    if (type.kind === 'pdf') {
      const pdf = new RemotePdf(sharedPdfReaders(), part, file, { password: options.password });
      try { return await pdf.pageCount(); } finally { await pdf.destroy().catch(() => undefined); }
    }
  } catch {
    // An unreadable part failed conversion already; count what was seen.
  }
  return seen;
}

/** PDF pages are drawn in a PDF reader process, within the same time and memory limits as conversion. */
async function* pdfImages(bytes: Uint8Array, file: string, options: PageImageOptions): AsyncGenerator<PageImage> {
  const pdf = new RemotePdf(sharedPdfReaders(), bytes, file, { password: options.password });
  try {
    const count = await pdf.pageCount();
    for (let n = 1; n <= count; n++) {
      if (options.pages && !options.pages.has(n)) continue;
      const unreadable = options.unreadable?.get(n);
      if (unreadable) {
        yield { page: n, data: null, problem: unreadable };
        continue;
      }
      try {
        // The rasteriser OCR uses: one renderer for every PDF page protokoll draws, greyscale is all a reader needs here.
        const page = await pdf.renderPage(n, options.dpi ?? PAGE_IMAGE.dpi, PAGE_IMAGE.maxPixels);
        yield { page: n, data: encode(greyCanvas(page.pixels, page.width, page.height), options), problem: null };
      } catch (error) {
        yield { page: n, data: null, problem: message(error) };
      }
    }
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function* scanImages(bytes: Uint8Array, file: string, options: PageImageOptions): AsyncGenerator<PageImage> {
  const type = detectType(bytes);
  if (type.kind !== 'image') return;
  const pages = imagePages(bytes, type.format, file, { maxPixels: MAX_IMAGE_PIXELS });
  const tiff = type.format === 'tiff' ? tiffDecoder(bytes) : null;
  for (const p of pages) {
    if (options.pages && !options.pages.has(p.number)) continue;
    try {
      const source = tiff ? tiff(p.number - 1) : await loadImage(Buffer.from(bytes));
      // A scan's own resolution says how far to scale it down; without one, fit it to an A4 page at the site's resolution.
      const dpi = options.dpi ?? PAGE_IMAGE.dpi;
      const byDpi = p.dpi ? dpi / p.dpi : Math.sqrt((8.27 * 11.69 * dpi * dpi) / (p.width * p.height));
      const scale = Math.min(1, byDpi, Math.sqrt(PAGE_IMAGE.maxPixels / (p.width * p.height)));
      const canvas = createCanvas(Math.max(1, Math.round(p.width * scale)), Math.max(1, Math.round(p.height * scale)));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
      yield { page: p.number, data: encode(canvas, options), problem: null };
    } catch (error) {
      yield { page: p.number, data: null, problem: message(error) };
    }
  }
}

/** The pages of a TIFF, decoded one at a time on request (browsers do not show TIFF, and the engine that draws does not read it). */
function tiffDecoder(bytes: Uint8Array): (index: number) => Canvas {
  const ifds = UTIF.decode(bytes).filter((ifd) => ifd.t256 !== undefined);
  return (index) => {
    const ifd = ifds[index];
    if (!ifd) throw new Error(`the TIFF has no page ${index + 1}`);
    UTIF.decodeImage(bytes, ifd, ifds);
    const rgba = UTIF.toRGBA8(ifd);
    const canvas = createCanvas(ifd.width, ifd.height);
    const ctx = canvas.getContext('2d');
    const data = ctx.createImageData(ifd.width, ifd.height);
    data.data.set(rgba.subarray(0, data.data.length));
    ctx.putImageData(data, 0, 0);
    return canvas;
  };
}

/** A canvas from the rasteriser's 8-bit greyscale PGM. */
function greyCanvas(pgm: Uint8Array, width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(width, height);
  const offset = pgm.length - width * height;
  const rgba = data.data;
  for (let i = 0, o = 0; i < width * height; i++, o += 4) {
    const v = pgm[offset + i]!;
    rgba[o] = v; rgba[o + 1] = v; rgba[o + 2] = v; rgba[o + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
  return canvas;
}

/**
 * Encodes on this thread. The asynchronous encode() of @napi-rs/canvas 0.1 reads the canvas from the thread pool
 * without holding it, so a canvas collected meanwhile crashed the process (Brooooooklyn/canvas#1312, fixed in 1.0;
 * 0.1.80 is the version pdf-parse pins). A page takes tens of milliseconds to encode either way.
 */
function encode(canvas: Canvas, options: PageImageOptions): Buffer {
  const { format, quality } = options.encoding ?? PAGE_IMAGE;
  return canvas.toBuffer(format === 'jpeg' ? 'image/jpeg' : 'image/webp', quality);
}

const message = (error: unknown): string => ((error as Error)?.message ?? String(error)).replace(/\s+/g, ' ').trim();
