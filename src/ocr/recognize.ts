// Reads one page image through the pool into a RawPage, with warnings for timeouts and low-confidence lines.
import type { RawPage } from '../document.js';
import { warning } from '../document.js';
import { OcrError } from '../errors.js';
import { unrotateBox } from '../input/box.js';
import type { Warning } from '../schema/minutes.js';
import { pageLines, type OcrPage } from './page.js';
import { preparePage, type GreyImage } from './page-image.js';
import type { OcrPool } from './pool.js';

/** Lines whose mean word confidence is below this are reported (Tesseract's own "probably wrong" zone). */
export const LOW_CONFIDENCE = 60;
/** More low-confidence lines than this on one page are summarised in one warning instead. */
const MAX_LINE_WARNINGS = 10;

export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;

export interface PageRequest {
  /** The page as decoded or rendered, at the resolution chosen for OCR (preprocess.ocrDpi). */
  image: GreyImage;
  page: number;
  timeoutMs?: number;
  /** The text-line slope measured beforehand (preprocess.estimateSkew), in radians; measured here when undefined. */
  skew?: number;
}

export interface OcrReading {
  page: RawPage;
  warnings: Warning[];
  /** Words read, for comparing readings; 0 after a timeout. */
  words: number;
}

/**
 * Straightens and encodes the page (page-image.ts), reads it through the pool, and rebuilds its lines. Line boxes
 * and the page's size are in the pixels of `request.image` as given, not of the straightened copy OCR read.
 */
export async function ocrPage(pool: OcrPool, request: PageRequest): Promise<OcrReading> {
  const n = request.page;
  const { width, height } = request.image;
  const size = { width, height, unit: 'px' as const };
  const prepared = preparePage(request.image, request.skew);
  let result: OcrPage;
  try {
    result = await pool.recognize({ image: prepared.image, timeoutMs: request.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof OcrError && error.code === 'ocr-timeout') {
      return {
        page: { number: n, lines: [], source: 'ocr', ocrConfidence: null, size, ocr: await pool.engine() },
        warnings: [warning('ocr-timeout', `page ${n} was skipped: ${error.message}`, { page: n, line: 1 })],
        words: 0,
      };
    }
    throw error;
  }
  const reading = pageLines(result, n);
  // Boxes are in the straightened image; the reader sees the page as scanned.
  const lines = reading.lines.map((l) => ({ ...l, box: l.box && unrotateBox(l.box, prepared.rotated, width, height) }));
  return {
    page: { number: n, lines, source: 'ocr', ocrConfidence: reading.confidence, size, ocr: await pool.engine() },
    warnings: confidenceWarnings(lines, n),
    words: reading.words,
  };
}

function confidenceWarnings(lines: RawPage['lines'], n: number): Warning[] {
  // A line of one or two marks (a speck read as "3") is noise, not text worth a warning.
  const low = lines.filter((l) => l.confidence !== null && l.confidence < LOW_CONFIDENCE && /\p{L}.*\p{L}/u.test(l.text));
  if (low.length > MAX_LINE_WARNINGS) {
    return [warning('ocr-low-confidence', `page ${n}: ${low.length} of ${lines.length} lines were read with low OCR confidence (below ${LOW_CONFIDENCE}); check the page against the scan`, { page: n, line: low[0]!.line })];
  }
  return low.map((l) => warning('ocr-low-confidence', `page ${n}, line ${l.line}: read with low OCR confidence (${Math.round(l.confidence!)}): "${clip(l.text)}"`, { page: n, line: l.line }));
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s).replace(/\t/g, ' ');
