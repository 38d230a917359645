// Decodes one page of an image file into greyscale pixels at the resolution chosen for OCR: Skia (@napi-rs/canvas)
// decodes PNG, JPEG, GIF, BMP and WebP; a TIFF page goes through pdf.js as a one-page PDF (tiff-pdf.ts).
import { InputError } from '../errors.js';
import type { GreyImage } from '../ocr/page-image.js';
import type { ImageFormat, ImagePage } from './image.js';
import type { RenderedPage } from './pdf.js';
import { tiffPagePdf, tiffProblem } from './tiff-pdf.js';

export interface RasterOptions {
  /** The resolution to read the page at, given the file's own (null: unknown); null keeps the pixels as they are. */
  dpi: (fileDpi: number | null) => number | null;
  maxPixels: number;
  /**
   * Renders page 1 of the one-page PDF a TIFF page becomes; conversion passes one that renders in a PDF reader
   * process, within its time and memory limits. Without it the page is rendered here.
   */
  renderPdf?: (pdf: Uint8Array, file: string, dpi: number, maxPixels: number) => Promise<RenderedPage>;
}

const invalid = (file: string, why: string, cause?: unknown) => new InputError('image-invalid', `the image cannot be decoded: ${why}`, { file, cause });

export async function rasterizeImage(bytes: Uint8Array, format: ImageFormat, page: ImagePage, file: string, options: RasterOptions): Promise<GreyImage> {
  const target = page.dpi === null ? options.dpi(null) : options.dpi(page.dpi);
  // Without a stated resolution there is nothing to scale from: the pixels stay as they are.
  const scale = page.dpi !== null && target !== null ? target / page.dpi : 1;
  if (page.tiff) return rasterizeTiff(bytes, page, file, page.dpi === null ? null : target ?? page.dpi, options.maxPixels, options.renderPdf ?? renderHere);
  const cut = truncation(bytes, format);
  if (cut) throw invalid(file, cut);
  const { loadImage, createCanvas } = await import('@napi-rs/canvas');
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw invalid(file, `${format.toUpperCase()} data is damaged (${(error as Error).message})`, error);
  }
  if (!(image.width > 0 && image.height > 0)) throw invalid(file, `${format.toUpperCase()} data is damaged`);
  const fit = Math.min(1, Math.sqrt(options.maxPixels / (image.width * image.height * scale * scale)));
  const width = Math.max(1, Math.round(image.width * scale * fit));
  const height = Math.max(1, Math.round(image.height * scale * fit));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // Transparent parts are paper.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  // ITU-R BT.601 luma in integers, as PdfFile.renderPage.
  for (let i = 0, o = 0; o < pixels.length; i += 4, o++) pixels[o] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  const dpi = page.dpi === null ? null : Math.round(page.dpi * (width / image.width));
  return { pixels, width, height, dpi };
}

async function rasterizeTiff(
  bytes: Uint8Array, page: ImagePage, file: string, dpi: number | null, maxPixels: number, render: NonNullable<RasterOptions['renderPdf']>,
): Promise<GreyImage> {
  const d = page.tiff!;
  const problem = tiffProblem(d);
  if (problem) throw invalid(file, `TIFF page ${page.number}: ${problem}`);
  let pdf: Uint8Array;
  try {
    pdf = tiffPagePdf(bytes, d);
  } catch (error) {
    throw invalid(file, `TIFF page ${page.number}: ${(error as Error).message}`, error);
  }
  try {
    // The page measures the image at its own resolution (or 72 dpi), so rendering at `dpi` (or 72) scales it.
    const r = await render(pdf, file, dpi ?? 72, maxPixels);
    return { pixels: r.pixels, width: r.width, height: r.height, dpi: dpi === null ? null : r.dpi };
  } catch (error) {
    // A reader that ran out of time or memory on it says so; otherwise the page's data is damaged.
    const over = /pdf-(page-)?(timeout|memory)/.test(String((error as { code?: unknown }).code));
    throw invalid(file, `TIFF page ${page.number} ${over ? `could not be decoded within the limits (${(error as Error).message})` : 'is damaged'}`, error);
  }
}

async function renderHere(bytes: Uint8Array, file: string, dpi: number, maxPixels: number): Promise<RenderedPage> {
  const { PdfFile } = await import('./pdf.js');
  const pdf = new PdfFile(bytes, file);
  try {
    return await pdf.renderPage(1, dpi, maxPixels);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/**
 * Skia draws what it could decode of a cut-off file and leaves the rest blank, which would read as a page without
 * text. A file whose data visibly stops early is refused instead.
 */
export function truncation(b: Uint8Array, format: ImageFormat): string | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (format) {
    case 'png': {
      for (let at = 8; at + 8 <= b.length;) {
        const len = view.getUint32(at);
        if (String.fromCharCode(...b.subarray(at + 4, at + 8)) === 'IEND') return null;
        at += 12 + len;
      }
      return 'the PNG file is truncated';
    }
    case 'jpeg': {
      // The end-of-image marker; cameras and scanners may append data after it, so search from the end.
      for (let i = b.length - 2; i >= 2; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return null;
      return 'the JPEG file is truncated';
    }
    case 'gif':
      return b.lastIndexOf(0x3b) > 12 ? null : 'the GIF file is truncated';
    case 'bmp': {
      if (b.length < 34 || view.getUint32(14, true) < 40) return null; // old OS/2 headers: left to the decoder
      const width = view.getInt32(18, true);
      const height = Math.abs(view.getInt32(22, true));
      const bpp = view.getUint16(28, true);
      const compression = view.getUint32(30, true);
      if (compression !== 0 && compression !== 3) return null; // run-length data has no fixed size
      return view.getUint32(10, true) + Math.ceil((width * bpp) / 32) * 4 * height <= b.length ? null : 'the BMP file is truncated';
    }
    case 'webp':
      return b.length >= 8 && view.getUint32(4, true) + 8 <= b.length ? null : 'the WebP file is truncated';
    default:
      return null;
  }
}
