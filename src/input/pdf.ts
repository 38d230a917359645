// Reads a PDF's text layer page by page through pdf-parse (pdf.js), keeping page numbers and layout hints.
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';
import type { RawPage } from '../document.js';
import { InputError } from '../errors.js';
import { layoutPage, type TextItem } from './pdf-layout.js';
import { PdfPageError } from './pdf-page-error.js';
import { renderPlan } from './pdf-render-size.js';

interface PdfJsTextItem { str: string; transform: number[]; width: number; height: number }
interface PdfJsViewport { width: number; height: number; transform: number[] }
interface PdfJsPage {
  getTextContent(): Promise<{ items: Array<PdfJsTextItem | { type: string }> }>;
  getViewport(options: { scale: number }): PdfJsViewport;
  render(options: { canvasContext: unknown; viewport: PdfJsViewport; canvas: unknown }): { promise: Promise<void> };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}
interface Canvas2D { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
interface CanvasAndContext { canvas: unknown; context: Canvas2D }
interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  canvasFactory: { create(w: number, h: number): CanvasAndContext; destroy(c: CanvasAndContext): void };
}

/** A rendered page: 8-bit greyscale pixels, rows top to bottom, the resolution it was rendered at and its exact pixels per point. */
export interface RenderedPage { pixels: Uint8Array; width: number; height: number; dpi: number; scale: number }

const require = createRequire(import.meta.url);
/** pdf.js's own font data, so pages with non-embedded standard fonts render without a network fetch. */
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
export const STANDARD_FONTS_DIR = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;
/** pdf.js's WebAssembly decoders (OpenJPEG for JPEG 2000 images, qcms for colour profiles), read from disk. */
export const WASM_DIR = path.join(PDFJS_DIR, 'wasm') + path.sep;

/**
 * A page tree claiming more pages than this is damaged or hostile: at a few hundred bytes per page, it would be a
 * file of gigabytes, and pdf.js would allocate arrays of that length before reading a page.
 */
export const MAX_PDF_PAGES = 100_000;

export interface PdfFileOptions {
  password?: string;
  /** Images inside the PDF above this many pixels are left out, not decoded (pdf.js warns that it did so). */
  maxImagePixels?: number;
  /** pdf.js's own console verbosity: 0 errors, 1 warnings (the PDF reader process turns warnings into page warnings). */
  verbosity?: number;
}

/** One open PDF: pdf-parse for loading, errors and rendering; its pdf.js document for positioned text. */
export class PdfFile extends PDFParse {
  readonly file: string;

  constructor(data: Uint8Array, file: string, options: PdfFileOptions = {}) {
    super({
      data: new Uint8Array(data),
      password: options.password,
      standardFontDataUrl: STANDARD_FONTS_DIR,
      wasmUrl: WASM_DIR,
      maxImageSize: options.maxImagePixels ?? -1,
      // Scripts inside a PDF are never needed to read it.
      isEvalSupported: false,
      verbosity: options.verbosity ?? 0,
    } as ConstructorParameters<typeof PDFParse>[0]);
    this.file = file;
  }

  /** The pdf.js document pdf-parse holds; opening it is where broken and encrypted files fail. */
  async document(): Promise<PdfJsDocument> {
    try {
      return await (this as unknown as { load(): Promise<PdfJsDocument> }).load();
    } catch (error) {
      throw pdfError(error, this.file);
    }
  }

  /** The number of pages the page tree claims, refused when no file of this size could hold them. */
  async pageCount(): Promise<number> {
    const count = (await this.document()).numPages;
    if (!Number.isInteger(count) || count < 0 || count > MAX_PDF_PAGES) {
      throw new InputError('pdf-invalid', `the PDF is damaged: its page tree claims ${count} pages`, { file: this.file });
    }
    return count;
  }

  /** Page n (1-based); a page pdf.js cannot open is a damaged page (the others may still read). */
  private async page(n: number): Promise<PdfJsPage> {
    const doc = await this.document();
    try {
      return await doc.getPage(n);
    } catch (error) {
      throw pageError(error, n);
    }
  }

  /** Recent pages' operator lists: a scanned page is asked both whether it has ink and how fine its image is. */
  private readonly operatorLists = new Map<number, Promise<{ fnArray: number[]; argsArray: unknown[][] }>>();

  private operators(n: number): Promise<{ fnArray: number[]; argsArray: unknown[][] }> {
    let ops = this.operatorLists.get(n);
    if (!ops) {
      ops = this.page(n).then((page) => page.getOperatorList()).catch((error: unknown) => { throw pageError(error, n); });
      this.operatorLists.set(n, ops);
      // Pages are read a few at a time; keep only the last few lists, so 500 pages do not all stay in memory.
      if (this.operatorLists.size > 8) this.operatorLists.delete(this.operatorLists.keys().next().value!);
    }
    return ops;
  }

  /** The text layer of one page (1-based) as raw lines with layout hints. */
  async pageLines(n: number): Promise<RawPage> {
    const page = await this.page(n);
    const content = await page.getTextContent().catch((error: unknown) => { throw pageError(error, n); });
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({ str: it.str, x: it.transform[4] ?? 0, y: it.transform[5] ?? 0, width: it.width, height: it.height });
    }
    page.cleanup();
    const viewport = page.getViewport({ scale: 1 });
    return {
      number: n,
      lines: layoutPage(items, n, viewport.width, viewport.transform),
      source: 'layer',
      ocrConfidence: null,
      size: pageSize(viewport),
    };
  }

  /**
   * The resolution of the largest image painted on page n (1-based), in pixels per inch of the page, when it
   * covers at least half the page (a scan); null otherwise (no image, or a logo on a born-digital page).
   */
  async imageDpi(n: number): Promise<number | null> {
    const page = await this.page(n);
    // pdf.js operator numbers (OPS): stable since pdf.js 1.x.
    const SAVE = 10, RESTORE = 11, TRANSFORM = 12, PAINT_IMAGE_MASK = 83, PAINT_IMAGE = 85;
    const { fnArray, argsArray } = await this.operators(n);
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    let best: { area: number; dpi: number } | null = null;
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] ?? [];
      if (fn === SAVE) stack.push(ctm);
      else if (fn === RESTORE) ctm = stack.pop() ?? ctm;
      else if (fn === TRANSFORM) {
        const [a, b, c, d, e, f] = args as number[];
        const [A, B, C, D, E, F] = ctm as [number, number, number, number, number, number];
        ctm = [a! * A + b! * C, a! * B + b! * D, c! * A + d! * C, c! * B + d! * D, e! * A + f! * C + E, e! * B + f! * D + F];
      } else if (fn === PAINT_IMAGE || fn === PAINT_IMAGE_MASK) {
        const w = Number(args[1] ?? (args[0] as { width?: number } | undefined)?.width ?? 0);
        // The unit square the image fills is scaled by the CTM: its x axis is the image's width in points.
        const widthPt = Math.hypot(ctm[0]!, ctm[1]!);
        const heightPt = Math.hypot(ctm[2]!, ctm[3]!);
        if (w > 0 && widthPt > 0 && (!best || widthPt * heightPt > best.area)) best = { area: widthPt * heightPt, dpi: (w * 72) / widthPt };
      }
    });
    const box = page.getViewport({ scale: 1 });
    const found = best as { area: number; dpi: number } | null;
    return found && found.area >= 0.5 * box.width * box.height ? Math.round(found.dpi) : null;
  }

  /**
   * Whether page n (1-based) paints anything: text, an image or a filled or stroked path. A page that paints
   * nothing is blank, and rendering it for OCR would only spend time.
   */
  async hasInk(n: number): Promise<boolean> {
    // pdf.js operator numbers (OPS): painting of paths 20-27, text 44-47, shadings 62, images 83-90, paths in pdf.js 5 (91, 94).
    const PAINT = new Set([20, 21, 22, 23, 24, 25, 26, 27, 44, 45, 46, 47, 62, 83, 84, 85, 86, 87, 88, 89, 90, 94]);
    const CONSTRUCT_PATH = 91, END_PATH = 28;
    const { fnArray, argsArray } = await this.operators(n);
    return fnArray.some((fn, i) => PAINT.has(fn) || (fn === CONSTRUCT_PATH && (argsArray[i]?.[0] as number | undefined) !== END_PATH));
  }

  /**
   * Renders page n (1-based) for OCR as greyscale pixels. The resolution drops for huge pages so that no page
   * exceeds `maxPixels`; a page box no real page has (over 14,400 points, or too small for text) is refused.
   */
  async renderPage(n: number, dpi: number, maxPixels: number): Promise<RenderedPage> {
    const doc = await this.document();
    const page = await this.page(n);
    const base = page.getViewport({ scale: 1 });
    const plan = renderPlan(n, base.width, base.height, dpi, maxPixels);
    if (!plan.ok) throw new PdfPageError(plan.code, n, plan.message);
    const { width, height } = plan;
    const viewport = page.getViewport({ scale: plan.scale });
    const target = doc.canvasFactory.create(width, height);
    try {
      await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
      const pixels = new Uint8Array(width * height);
      // A band at a time, so a large page never holds a second full-size RGBA copy.
      const band = Math.max(1, Math.floor(4_000_000 / width));
      for (let y = 0, o = 0; y < height; y += band) {
        const rgba = target.context.getImageData(0, y, width, Math.min(band, height - y)).data;
        // ITU-R BT.601 luma in integers; pdf.js paints on an opaque white page, so alpha can be ignored.
        for (let i = 0; i < rgba.length; i += 4, o++) pixels[o] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
      }
      return { pixels, width, height, dpi: plan.dpi, scale: plan.scale };
    } catch (error) {
      throw pageError(error, n);
    } finally {
      doc.canvasFactory.destroy(target);
      page.cleanup();
    }
  }
}

/** The page's size in points, or null for a degenerate page (a zero or broken media box) that has no area to draw on. */
function pageSize(viewport: PdfJsViewport): RawPage['size'] {
  const r = (v: number) => Math.round(v * 10) / 10;
  const width = r(viewport.width), height = r(viewport.height);
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0 ? { width, height, unit: 'pt' } : null;
}

/** Why pdf.js failed, in words an archivist can act on, with pdf.js's own message kept in parentheses. */
export function pdfFailureReason(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const raw = ((error as { message?: string })?.message ?? String(error)).replace(/\s+/g, ' ').trim();
  const what = /flate|inflate|zlib|LZW|DCT|JPX|JBIG2|CCITT|decode/i.test(raw) ? 'a compressed stream is corrupt'
    : /Invalid array length|allocation failed|Invalid typed array length|too large/i.test(raw) ? 'a size recorded in the file is impossible'
      : /Maximum call stack/i.test(raw) ? 'its content is nested too deeply'
        : /Invalid page request|page index|Pages tree/i.test(raw) ? 'its page tree is damaged'
          : /Invalid PDF|XRef|startxref|FormatError|Missing|Unexpected|Bad/i.test(`${name} ${raw}`) ? 'the file is damaged or truncated'
            : 'pdf.js could not read it';
  return `${what} (${raw.length > 160 ? `${raw.slice(0, 157)}…` : raw})`;
}

/** A failure while reading one page: the page is skipped with a warning, and the document goes on. */
function pageError(error: unknown, n: number): PdfPageError {
  if (error instanceof PdfPageError) return error;
  return new PdfPageError('pdf-page-damaged', n, `page ${n} cannot be read: ${pdfFailureReason(error)}`);
}

function pdfError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  if (error instanceof PasswordException || name === 'PasswordException') {
    return /incorrect/i.test(message)
      ? new InputError('pdf-password', 'the PDF password is incorrect', { file, cause: error })
      : new InputError('pdf-encrypted', 'the PDF is encrypted; give its password with --password', { file, cause: error });
  }
  if (error instanceof InvalidPDFException || error instanceof FormatError || /Invalid PDF|XRef|startxref|FormatError/i.test(`${name} ${message}`)) {
    return new InputError('pdf-invalid', `the PDF is damaged or truncated (${message.replace(/\s+/g, ' ').trim()})`, { file, cause: error });
  }
  return new InputError('pdf-invalid', `the PDF cannot be read: ${pdfFailureReason(error)}`, { file, cause: error });
}

/**
 * Whether the cross-reference table is where the file says it is. pdf.js rebuilds a broken one by scanning
 * the whole file, which usually recovers the text; the caller says so in a warning, since objects can be lost.
 */
export function xrefIntact(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const m = all[all.length - 1];
  if (!m) return false;
  const at = Number(m[1]);
  if (at >= bytes.length) return false;
  const head = Buffer.from(bytes.subarray(at, at + 32)).toString('latin1');
  return /^\s*(?:xref\b|\d+\s+\d+\s+obj\b)/.test(head);
}
