// Reads one page image through the pool into a RawPage, with warnings for timeouts and low-confidence lines.
import type { RawPage } from '../document.js';
import { warning } from '../document.js';
import { OcrError } from '../errors.js';
import type { Warning } from '../schema/minutes.js';
import { pageLines, type OcrPage } from './page.js';
import type { OcrPool } from './pool.js';
import { DESKEW, pageParameters } from './preprocess.js';

/** Lines whose mean word confidence is below this are reported (Tesseract's own "probably wrong" zone). */
export const LOW_CONFIDENCE = 60;
/** More low-confidence lines than this on one page are summarised in one warning instead. */
const MAX_LINE_WARNINGS = 10;

export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;

export interface PageRequest {
  image: Uint8Array;
  page: number;
  dpi: number | null;
  timeoutMs?: number;
}

export interface OcrReading {
  page: RawPage;
  warnings: Warning[];
  /** Words read, for comparing readings; 0 after a timeout. */
  words: number;
}

export async function ocrPage(pool: OcrPool, request: PageRequest): Promise<OcrReading> {
  const n = request.page;
  let result: OcrPage;
  try {
    result = await pool.recognize({
      image: request.image,
      parameters: pageParameters(request.dpi),
      deskew: DESKEW,
      timeoutMs: request.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof OcrError && error.code === 'ocr-timeout') {
      return {
        page: { number: n, lines: [], source: 'ocr', ocrConfidence: null },
        warnings: [warning('ocr-timeout', `page ${n} was skipped: ${error.message}`, { page: n, line: 1 })],
        words: 0,
      };
    }
    throw error;
  }
  const reading = pageLines(result, n);
  return {
    page: { number: n, lines: reading.lines, source: 'ocr', ocrConfidence: reading.confidence },
    warnings: confidenceWarnings(reading.lines, n),
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
