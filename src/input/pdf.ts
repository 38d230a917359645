// Reads a PDF's text layer page by page through pdf-parse (pdf.js), keeping page numbers and layout hints.
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';
import type { RawPage } from '../document.js';
import { InputError } from '../errors.js';
import { layoutPage, type TextItem } from './pdf-layout.js';

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
export const STANDARD_FONTS_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

/** One open PDF: pdf-parse for loading, errors and rendering; its pdf.js document for positioned text. */
export class PdfFile extends PDFParse {
  readonly file: string;

  constructor(data: Uint8Array, file: string, password?: string) {
    super({ data: new Uint8Array(data), password, standardFontDataUrl: STANDARD_FONTS_DIR, verbosity: 0 });
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

  async pageCount(): Promise<number> {
    return (await this.document()).numPages;
  }

  /** Page n (1-based); a page pdf.js cannot open is a damaged PDF. */
  private async page(n: number): Promise<PdfJsPage> {
    const doc = await this.document();
    try {
      return await doc.getPage(n);
    } catch (error) {
      throw pdfError(error, this.file);
    }
  }

  /** Recent pages' operator lists: a scanned page is asked both whether it has ink and how fine its image is. */
  private readonly operatorLists = new Map<number, Promise<{ fnArray: number[]; argsArray: unknown[][] }>>();

  private operators(n: number): Promise<{ fnArray: number[]; argsArray: unknown[][] }> {
    let ops = this.operatorLists.get(n);
    if (!ops) {
      ops = this.page(n).then((page) => page.getOperatorList());
      this.operatorLists.set(n, ops);
      // Pages are read a few at a time; keep only the last few lists, so 500 pages do not all stay in memory.
      if (this.operatorLists.size > 8) this.operatorLists.delete(this.operatorLists.keys().next().value!);
    }
    return ops;
  }

  /** The text layer of one page (1-based) as raw lines with layout hints. */
  async pageLines(n: number): Promise<RawPage> {
    const page = await this.page(n);
    const content = await page.getTextContent();
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
   * exceeds `maxPixels`.
   */
  async renderPage(n: number, dpi: number, maxPixels: number): Promise<RenderedPage> {
    const doc = await this.document();
    const page = await this.page(n);
    const base = page.getViewport({ scale: 1 });
    const fit = Math.sqrt(maxPixels / Math.max(1, base.width * base.height * (dpi / 72) ** 2));
    const scale = (dpi / 72) * Math.min(1, fit);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width + 0.01)); // + 0.01: a page sized from pixels in rounded points
    const height = Math.max(1, Math.floor(viewport.height + 0.01));
    const target = doc.canvasFactory.create(width, height);
    try {
      await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
      const rgba = target.context.getImageData(0, 0, width, height).data;
      const pixels = new Uint8Array(width * height);
      // ITU-R BT.601 luma in integers; pdf.js paints on an opaque white page, so alpha can be ignored.
      for (let i = 0, o = 0; i < rgba.length; i += 4, o++) {
        pixels[o] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
      }
      return { pixels, width, height, dpi: Math.round(scale * 72), scale };
    } catch (error) {
      throw pdfError(error, this.file);
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
  return new InputError('pdf-invalid', `the PDF cannot be read (${message.replace(/\s+/g, ' ').trim()})`, { file, cause: error });
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
