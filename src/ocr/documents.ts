// Reads image files and PDFs page by page through OCR, choosing per PDF page between its text layer and OCR.
import type { RawPage } from '../document.js';
import { warning } from '../document.js';
import { InputError } from '../errors.js';
import { imagePages, MAX_IMAGE_PIXELS, type ImageFormat } from '../input/image.js';
import { selectPages, type PageSelection } from '../input/pages.js';
import { scaleBox } from '../input/box.js';
import { xrefIntact, type RenderedPage } from '../input/pdf.js';
import { PdfPageError } from '../input/pdf-page-error.js';
import { LOSS_CODES } from '../input/pdf-reader/notes.js';
import type { PdfReaderPool } from '../input/pdf-reader/pool.js';
import { sharedPdfReaders } from '../input/pdf-reader/shared.js';
import { RemotePdf } from '../input/pdf-reader/remote.js';
import { MAX_TEXT_BYTES } from '../input/read.js';
import type { Warning } from '../schema/minutes.js';
import type { OcrPool } from './pool.js';
import { rasterizeImage } from '../input/raster.js';
import { renderDpi } from './preprocess.js';
import { isPlausibleLayer, textQuality } from './quality.js';
import { ocrPage } from './recognize.js';

export type OcrMode = 'auto' | 'always' | 'never';

export interface OcrProgress {
  file: string;
  /** Pages of this document finished (by text layer or OCR). */
  pagesDone: number;
  pagesTotal: number;
}

export interface OcrDocumentOptions {
  mode: OcrMode;
  pool: OcrPool;
  pageTimeoutMs?: number;
  maxPixels?: number;
  onProgress?: (event: OcrProgress) => void;
  /** Only these pages (see ReadOptions.pages). */
  pages?: PageSelection;
  /** Reader processes for PDFs (default: a pool shared by the library's calls). */
  pdfReaders?: PdfReaderPool;
  /** Time limit for reading one PDF page, OCR not counted. */
  pdfPageTimeoutMs?: number;
  /** Time limit for reading one PDF, OCR not counted. */
  pdfTimeoutMs?: number;
}

export interface PagesRead {
  pages: RawPage[];
  warnings: Warning[];
}

/** Runs `task` over 0..count-1 with at most `limit` in flight, keeping results in order. */
async function inOrder<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
  return out;
}

/** A TIFF page (made a one-page PDF) is drawn in a PDF reader process, within its time and memory limits, as a PDF page is. */
async function renderInReader(bytes: Uint8Array, file: string, dpi: number, maxPixels: number, options: OcrDocumentOptions): Promise<RenderedPage> {
  const pdf = new RemotePdf(options.pdfReaders ?? sharedPdfReaders(), bytes, file, {
    pageTimeoutMs: options.pdfPageTimeoutMs, timeoutMs: options.pdfTimeoutMs, maxImagePixels: maxPixels,
  });
  try {
    await pdf.pageCount();
    return await pdf.renderPage(1, dpi, maxPixels);
  } finally {
    await pdf.destroy();
  }
}

/** Every page of a PNG, JPEG, TIFF (all pages), GIF, BMP or WebP file, read by OCR. */
export async function readImage(bytes: Uint8Array, format: ImageFormat, file: string, options: OcrDocumentOptions): Promise<PagesRead> {
  if (options.mode === 'never') {
    throw new InputError('image-needs-ocr', `this is a ${format.toUpperCase()} image; reading it needs OCR, which --ocr never turns off`, { file });
  }
  const allPages = imagePages(bytes, format, file, { maxPixels: options.maxPixels ?? MAX_IMAGE_PIXELS });
  const chosen = selectPages(options.pages, allPages.length, file);
  const pages = chosen.numbers ? allPages.filter((p) => chosen.numbers!.has(p.number)) : allPages;
  const warnings: Warning[] = chosen.warning ? [chosen.warning] : [];
  let done = 0;
  options.onProgress?.({ file, pagesDone: 0, pagesTotal: pages.length });
  const read = await inOrder(pages.length, options.pool.jobs, async (i) => {
    const p = pages[i]!;
    await options.pool.ready();
    // A file without a stated resolution is read at its own size: there is nothing to scale from.
    const image = await rasterizeImage(bytes, format, p, file, {
      dpi: (dpi) => (dpi === null ? null : renderDpi(dpi)),
      maxPixels: options.maxPixels ?? MAX_IMAGE_PIXELS,
      renderPdf: (pdf, name, dpi, maxPixels) => renderInReader(pdf, name, dpi, maxPixels, options),
    });
    const reading = await ocrPage(options.pool, { image, page: p.number, timeoutMs: options.pageTimeoutMs }).then((r) => (
      // boxes on the image as the file holds it, not as scaled for OCR
      { ...r, page: measuredOn(r.page, p.width / image.width, { width: p.width, height: p.height, unit: 'px' }) }
    )).catch((error: unknown) => {
      // The engine's "cannot decode" comes without the file name.
      if (error instanceof InputError && error.file === null) throw new InputError(error.code, error.message, { file, cause: error });
      throw error;
    });
    options.onProgress?.({ file, pagesDone: ++done, pagesTotal: pages.length });
    return reading;
  });
  for (const r of read) {
    warnings.push(...r.warnings);
    if (r.words === 0 && !r.warnings.some((w) => w.code === 'ocr-timeout')) {
      warnings.push(warning('page-no-text', `page ${r.page.number}: OCR found no text`, { page: r.page.number, line: 1 }));
    }
  }
  return { pages: read.map((r) => r.page), warnings };
}

const pageText = (page: RawPage) => page.lines.map((l) => l.text).join('\n');

/**
 * Every page of a PDF. `never` keeps the text layers as they are; `always` OCRs every page; `auto` keeps a
 * page's text layer when it reads as real Swedish and OCRs the page otherwise (no layer, or a layer that is
 * itself bad OCR), keeping whichever reading is better.
 */
export async function readPdf(bytes: Uint8Array, file: string, password: string | undefined, options: OcrDocumentOptions): Promise<PagesRead> {
  const maxImagePixels = options.maxPixels ?? MAX_IMAGE_PIXELS;
  const pdf = new RemotePdf(options.pdfReaders ?? sharedPdfReaders(), bytes, file, {
    password, pageTimeoutMs: options.pdfPageTimeoutMs, timeoutMs: options.pdfTimeoutMs, maxImagePixels,
  });
  try {
    const count = await pdf.pageCount();
    if (count === 0) throw new InputError('pdf-no-pages', 'the PDF has no pages', { file });
    const chosen = selectPages(options.pages, count, file);
    const numbers = chosen.numbers ? [...chosen.numbers] : Array.from({ length: count }, (_, i) => i + 1);
    let done = 0;
    let textBytes = 0;
    options.onProgress?.({ file, pagesDone: 0, pagesTotal: numbers.length });
    const results = await inOrder(numbers.length, options.pool.jobs + 1, async (i) => {
      const n = numbers[i]!;
      const r = await readPdfPage(pdf, n, options).catch((error: unknown) => skippedPage(error, n));
      const lost = pdf.pageWarnings(n);
      // A page whose only image was left out is not blank: the warning says what was lost instead.
      if (lost.length) r.warnings = [...r.warnings.filter((w) => w.code !== 'page-blank'), ...lost];
      textBytes += r.pages[0]!.lines.reduce((sum, l) => sum + l.text.length, 0);
      if (textBytes > MAX_TEXT_BYTES) {
        throw new InputError('input-too-large', `the PDF holds over ${MAX_TEXT_BYTES / 1e6} MB of text; protokoll reads up to ${MAX_TEXT_BYTES / 1e6} MB (minutes are far smaller)`, { file });
      }
      options.onProgress?.({ file, pagesDone: ++done, pagesTotal: numbers.length });
      return r;
    });
    const warnings = collapsePageRuns(results.flatMap((r) => r.warnings));
    refuseIfAllLost(results, file);
    if (chosen.warning) warnings.unshift(chosen.warning);
    if (!xrefIntact(bytes)) warnings.unshift(warning('pdf-xref-rebuilt', 'the PDF\'s cross-reference table is broken; it was rebuilt by scanning the file, so parts may be missing'));
    return { pages: results.map((r) => r.pages[0]!), warnings };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** A page the reader could not finish is kept, empty, with a warning that says why. */
function skippedPage(error: unknown, n: number): PagesRead {
  if (!(error instanceof PdfPageError)) throw error;
  return { pages: [{ number: n, lines: [], source: 'layer', ocrConfidence: null }], warnings: [warning(error.code, error.message, { page: n, line: 1 })] };
}

/** No text at all, and pages lost to a limit or damage: the document is refused rather than returned empty. */
function refuseIfAllLost(results: readonly PagesRead[], file: string): void {
  if (results.some((r) => r.pages[0]!.lines.some((l) => l.text.trim() !== ''))) return;
  const lost = results.flatMap((r) => r.warnings).find((w) => LOSS_CODES.has(w.code));
  if (!lost) return;
  const others = results.filter((r) => r.warnings.some((w) => LOSS_CODES.has(w.code))).length - 1;
  throw new InputError('pdf-unreadable', `no page could be read: ${lost.message}${others > 0 ? ` (and ${others} more page${others > 1 ? 's' : ''})` : ''}`, { file });
}

/** Runs of blank or textless pages become one warning each ("pages 3–500 are blank"), not one per page. */
export function collapsePageRuns(warnings: readonly Warning[]): Warning[] {
  const RUNS: Record<string, string> = { 'page-blank': 'are blank', 'page-no-text': 'have no text' };
  const out: Warning[] = [];
  for (const w of warnings) {
    const prev = out[out.length - 1] as (Warning & { to?: number }) | undefined;
    if (RUNS[w.code] && prev?.code === w.code && w.page !== null && (prev.to ?? prev.page) === w.page - 1) {
      prev.to = w.page;
      continue;
    }
    out.push({ ...w });
  }
  return out.map((w) => {
    const to = (w as Warning & { to?: number }).to;
    if (to === undefined) return w;
    return { code: w.code, message: `pages ${w.page}–${to} ${RUNS[w.code]}`, page: w.page, line: w.line };
  });
}

/**
 * An OCR'd page measured on the page as the input holds it: boxes from the pixels OCR read (scaled to the resolution
 * that reads best, or rendered from a PDF) into the file's pixels or the PDF's points, with that page's size.
 */
function measuredOn(page: RawPage, factor: number, size: RawPage['size']): RawPage {
  return { ...page, size, lines: page.lines.map((l) => ({ ...l, box: l.box && size ? scaleBox(l.box, factor) : null })) };
}

async function readPdfPage(pdf: RemotePdf, n: number, options: OcrDocumentOptions): Promise<PagesRead> {
  const layer = await pdf.pageLines(n);
  const text = pageText(layer);
  const empty = text.trim() === '';
  if (empty && !(await pdf.hasInk(n))) {
    return { pages: [layer], warnings: [warning('page-blank', `page ${n} is blank`, { page: n, line: 1 })] };
  }
  if (options.mode === 'never') {
    return { pages: [layer], warnings: empty ? [warning('page-no-text', `page ${n} has no text layer (a scanned page needs OCR)`, { page: n, line: 1 })] : [] };
  }
  const layerQuality = empty ? null : textQuality(text);
  if (options.mode === 'auto' && layerQuality && isPlausibleLayer(layerQuality)) return { pages: [layer], warnings: [] };

  // A bad layer can only be bettered where it lies over a scan: OCR of rendered text glyphs reads the same words.
  const scanDpi = await pdf.imageDpi(n);
  if (options.mode === 'auto' && layerQuality && scanDpi === null) return { pages: [layer], warnings: [] };

  await options.pool.ready();
  const dpi = renderDpi(scanDpi);
  const rendered = await pdf.renderPage(n, dpi, options.maxPixels ?? MAX_IMAGE_PIXELS).catch((error: unknown) => {
    if (error instanceof PdfPageError && !empty) return error;
    throw error;
  });
  // A page that cannot be rendered keeps whatever text layer it has.
  if (rendered instanceof PdfPageError) return { pages: [layer], warnings: [warning(rendered.code, rendered.message, { page: n, line: 1 })] };
  const read = await ocrPage(options.pool, { image: rendered, page: n, timeoutMs: options.pageTimeoutMs });
  const reading = { ...read, page: measuredOn(read.page, 1 / rendered.scale, layer.size ?? null) };
  const warnings = [...reading.warnings];

  if (options.mode === 'auto' && layerQuality) {
    const ocrQuality = textQuality(pageText(reading.page));
    // Judged by known words and garbage, not by å/ä/ö: a few misread letters would decide that alone.
    const plain = (q: typeof ocrQuality) => q.known - q.junk;
    if (plain(ocrQuality) <= plain(layerQuality) + 0.02) {
      return { pages: [layer], warnings: [] };
    }
    warnings.unshift(warning(
      'pdf-text-layer-replaced',
      `page ${n}: the PDF's text layer reads as damaged (${Math.round(layerQuality.known * 100)} % known words${layerQuality.diacritics < 0.005 ? ', no å/ä/ö' : ''}); OCR was used instead (${Math.round(ocrQuality.known * 100)} % known words)`,
      { page: n, line: 1 },
    ));
  }
  if (reading.words === 0 && !warnings.some((w) => w.code === 'ocr-timeout')) {
    warnings.push(warning('page-no-text', `page ${n}: neither a text layer nor OCR found text`, { page: n, line: 1 }));
  }
  return { pages: [reading.page], warnings };
}
