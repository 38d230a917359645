// Reads a PDF's text layer page by page through pdf-parse (pdf.js), keeping page numbers and layout hints.
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';
import type { RawPage } from '../document.js';
import { InputError } from '../errors.js';
import { layoutPage, type TextItem } from './pdf-layout.js';

interface PdfJsTextItem { str: string; transform: number[]; width: number; height: number }
interface PdfJsPage {
  getTextContent(): Promise<{ items: Array<PdfJsTextItem | { type: string }> }>;
  cleanup(): void;
}
interface PdfJsDocument { numPages: number; getPage(n: number): Promise<PdfJsPage> }

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

  /** The text layer of one page (1-based) as raw lines with layout hints. */
  async pageLines(n: number): Promise<RawPage> {
    const doc = await this.document();
    let page: PdfJsPage;
    try {
      page = await doc.getPage(n);
    } catch (error) {
      throw pdfError(error, this.file);
    }
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({ str: it.str, x: it.transform[4] ?? 0, y: it.transform[5] ?? 0, width: it.width, height: it.height });
    }
    page.cleanup();
    return { number: n, lines: layoutPage(items, n), source: 'layer', ocrConfidence: null };
  }
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

export interface PdfReadOptions { password?: string }

/** Reads every page's text layer. Pages without text come back empty; the caller decides about OCR. */
export async function readPdfTextLayer(bytes: Uint8Array, file: string, options: PdfReadOptions = {}): Promise<RawPage[]> {
  const pdf = new PdfFile(bytes, file, options.password);
  try {
    const count = await pdf.pageCount();
    if (count === 0) throw new InputError('pdf-no-pages', 'the PDF has no pages', { file });
    const pages: RawPage[] = [];
    for (let n = 1; n <= count; n++) pages.push(await pdf.pageLines(n));
    return pages;
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
