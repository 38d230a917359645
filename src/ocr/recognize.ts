// Reads one page image through the pool into a RawPage, with warnings for timeouts and low-confidence lines.
import type { RawPage } from '../document.js';
import { warning } from '../document.js';
import { OcrError } from '../errors.js';
import { unrotateBox } from '../input/box.js';
import type { Warning } from '../schema/minutes.js';
import { baselineSlope, pageLines, type OcrPage } from './page.js';
import type { OcrPool } from './pool.js';
import { pageParameters } from './preprocess.js';

/** Lines whose mean word confidence is below this are reported (Tesseract's own "probably wrong" zone). */
export const LOW_CONFIDENCE = 60;
/** More low-confidence lines than this on one page are summarised in one warning instead. */
const MAX_LINE_WARNINGS = 10;

export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;
/** An image whose text turns out tilted by more than this is read again, straightened (images are not measured beforehand). */
const REREAD_SKEW_DEGREES = 1;

export interface PageRequest {
  image: Uint8Array;
  page: number;
  dpi: number | null;
  timeoutMs?: number;
  /**
   * The text-line slope measured beforehand (preprocess.estimateSkew), in radians; the page is straightened
   * before reading. Undefined when not measured: then a page found clearly tilted is read a second time.
   */
  skew?: number;
  /** The image's size in pixels: line boxes of a straightened page are turned back onto the image as given. */
  width?: number;
  height?: number;
}

export interface OcrReading {
  page: RawPage;
  warnings: Warning[];
  /** Words read, for comparing readings; 0 after a timeout. */
  words: number;
}

export async function ocrPage(pool: OcrPool, request: PageRequest): Promise<OcrReading> {
  const n = request.page;
  const started = performance.now();
  const limit = request.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const read = (skew: number) => pool.recognize({
    image: request.image,
    parameters: pageParameters(request.dpi),
    // Tesseract's angle has the opposite sign of a slope measured in image coordinates.
    rotateRadians: -skew,
    timeoutMs: Math.max(1, limit - (performance.now() - started)),
  });
  let result: OcrPage;
  let straightened = request.skew ?? 0;
  try {
    result = await read(straightened);
    if (request.skew === undefined) {
      const slope = baselineSlope(result);
      if (Math.abs(slope) > (REREAD_SKEW_DEGREES * Math.PI) / 180) {
        // The first reading stands if the second runs out of time.
        const again = await read(slope).catch((error: unknown) => {
          if (error instanceof OcrError && error.code === 'ocr-timeout') return null;
          throw error;
        });
        if (again && (again.confidence ?? 0) >= (result.confidence ?? 0)) {
          result = again;
          straightened = slope;
        }
      }
    }
  } catch (error) {
    if (error instanceof OcrError && error.code === 'ocr-timeout') {
      const { width, height } = request;
      return {
        page: { number: n, lines: [], source: 'ocr', ocrConfidence: null, size: width && height ? { width, height, unit: 'px' } : null },
        warnings: [warning('ocr-timeout', `page ${n} was skipped: ${error.message}`, { page: n, line: 1 })],
        words: 0,
      };
    }
    throw error;
  }
  const reading = pageLines(result, n);
  const { width, height } = request;
  const sized = width !== undefined && height !== undefined && width > 0 && height > 0;
  // Boxes are in the straightened image; the reader sees the page as scanned. Without the size there is no centre to turn about.
  const lines = reading.lines.map((l) => ({ ...l, box: l.box && (sized ? unrotateBox(l.box, straightened, width, height) : straightened ? null : l.box) }));
  return {
    page: { number: n, lines, source: 'ocr', ocrConfidence: reading.confidence, size: sized ? { width, height, unit: 'px' } : null },
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
