// Turns input bytes into an InputDocument: detects the type, then reads text, PDF text layers or images (OCR).
import type { InputDocument, RawPage } from '../document.js';
import { warning } from '../document.js';
import { InputError, OcrError } from '../errors.js';
// Type-only: pdf.js and tesseract.js load when a PDF or image arrives, so text conversion starts fast.
import type { OcrDocumentOptions, OcrMode, OcrProgress, PagesRead } from '../ocr/documents.js';
import type { OcrEngineChoice } from '../ocr/engine.js';
import type { OcrPool } from '../ocr/pool.js';
import type { PdfReaderPool } from './pdf-reader/pool.js';
import { decodeText } from './decode.js';
import { detectType } from './detect.js';
import { sha256 } from './hash.js';
import { selectPages, type PageSelection } from './pages.js';
import { repairMojibake } from './mojibake.js';
import { looksOcrText } from './ocr-text.js';
import { textToPages } from './text.js';

export interface ReadOptions {
  /** Password for encrypted PDFs. */
  password?: string;
  /**
   * When to OCR (default `auto`): `auto` reads a PDF page's text layer when it is real and plausible and OCRs
   * the page otherwise; `always` OCRs every PDF page; `never` uses text layers only and refuses images.
   */
  ocr?: OcrMode;
  /**
   * OCR engine (default `auto`): `auto` uses a native `tesseract` (4.1 or later) on PATH that has the language data,
   * and the bundled tesseract.js otherwise; `native` requires the program; `wasm` always uses tesseract.js.
   * Ignored when `ocrPool` is given.
   */
  ocrEngine?: OcrEngineChoice;
  /** OCR language(s): `swe` (default), `eng`, `swe+eng`. Ignored when `ocrPool` is given. */
  lang?: string;
  /** OCR workers when this call makes its own pool (default: the number of cores). Ignored when `ocrPool` is given. */
  jobs?: number;
  /** Time limit per OCR'd page in milliseconds (default 120 000); a page over it is skipped with a warning. */
  pageTimeoutMs?: number;
  /**
   * A pool shared by the documents of a batch; the caller terminates it. Without one, a pool is made for this
   * call (only if a page needs OCR) and terminated before it returns.
   */
  ocrPool?: OcrPool;
  /** Called as pages finish, for a progress display. */
  onProgress?: (event: OcrProgress) => void;
  /**
   * Only these pages (1-based) are read and converted; page numbers stay those of the whole document. Pages
   * past the end get a `pages-out-of-range` warning; when none is left the input is refused.
   */
  pages?: PageSelection;
  /**
   * PDF reader processes shared by the documents of a batch; the caller terminates them. Without one, readers
   * come from a pool shared by the library's calls, whose idle processes end after a few seconds.
   */
  pdfReaders?: PdfReaderPool;
  /** Time limit for reading one PDF page in milliseconds, OCR not counted (default 20 000); the page is skipped with a warning. */
  pdfPageTimeoutMs?: number;
  /** Time limit for reading one PDF in milliseconds, OCR not counted (default 120 000); the PDF is refused (`pdf-timeout`). */
  pdfTimeoutMs?: number;
}

/**
 * Text inputs above this size are refused: a protokoll is tens of kilobytes, and segmenting tens of megabytes
 * would take minutes and gigabytes for a file that is not minutes anyway.
 */
export const MAX_TEXT_BYTES = 20_000_000;

export async function readInput(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<InputDocument> {
  const type = detectType(bytes);
  const base = { file, sha256: sha256(bytes) };
  switch (type.kind) {
    case 'empty':
      throw new InputError('input-empty', 'the file is empty', { file });
    case 'binary':
      throw new InputError('input-binary', `not a PDF, image or text file: it looks like ${type.what}`, { file });
    case 'image': {
      const format = type.format;
      const { readImage } = await import('../ocr/documents.js');
      const read = await withPool(options, file, (ocr) => readImage(bytes, format, file, ocr));
      return { ...base, format: 'image', ...read };
    }
    case 'pdf': {
      const { readPdf } = await import('../ocr/documents.js');
      const read = await withPool(options, file, (ocr) => readPdf(bytes, file, options.password, ocr));
      return { ...base, format: 'pdf', ...read };
    }
    case 'text': {
      if (bytes.length > MAX_TEXT_BYTES) {
        throw new InputError('input-too-large', `the text is ${(bytes.length / 1e6).toFixed(1)} MB; protokoll reads text files up to ${MAX_TEXT_BYTES / 1e6} MB (minutes are far smaller)`, { file });
      }
      const decoded = decodeText(bytes, file);
      const warnings = decoded.encoding === 'windows-1252'
        ? [warning('input-encoding-fallback', 'the text is not valid UTF-8; it was read as Windows-1252')]
        : [];
      // UTF-8 once read as Windows-1252 and saved again ("pensionÃ¤rsrÃ¥det"): decoded back, with a warning.
      const fixed = repairMojibake(decoded.text);
      if (fixed.repaired) warnings.push(warning('input-mojibake', `${fixed.repaired} characters had been encoded twice (UTF-8 read as Windows-1252, "Ã¤" for "ä") and were decoded back`));
      const all: RawPage[] = textToPages(fixed.text);
      // A text that another program made by OCR: its lines get the clean stage's OCR repairs ("SN 81" → "SN § 1").
      if (looksOcrText(fixed.text)) {
        for (const p of all) p.ocrText = true;
        warnings.push(warning('input-ocr-text', 'the text reads as OCR output (paragraph signs read as 8, S or $); OCR repairs were applied'));
      }
      const chosen = selectPages(options.pages, all.length, file);
      if (chosen.warning) warnings.push(chosen.warning);
      const pages = chosen.numbers ? all.filter((p) => chosen.numbers!.has(p.number)) : all;
      return { ...base, format: 'text', pages, warnings };
    }
  }
}

async function withPool(options: ReadOptions, file: string, read: (ocr: OcrDocumentOptions) => Promise<PagesRead>): Promise<PagesRead> {
  // Workers start on the first page that needs OCR, so a born-digital PDF never pays for them.
  const { OcrPool } = await import('../ocr/pool.js');
  const pool = options.ocrPool ?? new OcrPool({ jobs: options.jobs, lang: options.lang, engine: options.ocrEngine });
  try {
    const pages = await read({
      mode: options.ocr ?? 'auto', pool, pageTimeoutMs: options.pageTimeoutMs, onProgress: options.onProgress, pages: options.pages,
      pdfReaders: options.pdfReaders, pdfPageTimeoutMs: options.pdfPageTimeoutMs, pdfTimeoutMs: options.pdfTimeoutMs,
    });
    failWhenOnlyTimeouts(pages, file);
    return pages;
  } finally {
    if (!options.ocrPool) await pool.terminate();
  }
}

/**
 * A document whose every page that has ink timed out in OCR has no text at all: converting it would pass an
 * empty shell off as a result, so it is a failure (the page-level `ocr-timeout` warning covers partial reads).
 */
export function failWhenOnlyTimeouts(read: PagesRead, file: string): void {
  const timedOut = read.warnings.filter((w) => w.code === 'ocr-timeout');
  if (timedOut.length === 0) return;
  if (read.pages.some((p) => p.lines.some((l) => l.text.trim() !== ''))) return;
  const what = read.pages.length === 1 ? 'its only page' : timedOut.length === read.pages.length ? `all ${read.pages.length} pages` : `every page with text (${timedOut.length} of ${read.pages.length})`;
  throw new OcrError('ocr-timeout', `OCR of ${what} ran over the page time limit (--page-timeout); nothing was read`, { file });
}
