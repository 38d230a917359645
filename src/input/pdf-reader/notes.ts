// Turns what pdf.js printed while reading a page into warnings: content it left out must never vanish silently.
import { warning } from '../../document.js';
import type { Warning } from '../../schema/minutes.js';

interface NoteRule {
  code: string;
  test: RegExp;
  message: (page: number, limitMpx: number) => string;
}

const RULES: NoteRule[] = [
  {
    code: 'pdf-image-too-large',
    test: /Image exceeded maximum allowed size/i,
    message: (n, mpx) => `page ${n}: an image is over the ${mpx}-megapixel limit and was left out, not decoded`,
  },
  {
    code: 'pdf-image-undecodable',
    test: /Unable to decode image|JpxError|OpenJPEG|JBIG2Error|Unable to decode inline image/i,
    message: (n) => `page ${n}: an image could not be decoded and was left out`,
  },
  {
    code: 'pdf-content-incomplete',
    test: /Maximum call stack size exceeded/i,
    message: (n) => `page ${n}: its content is nested too deeply; the innermost parts were left out`,
  },
];

/** One warning per kind of loss on page `n`, from pdf.js's warnings and the reader's stderr. */
export function pageNotes(n: number, lines: readonly string[], limitPixels: number): Warning[] {
  const mpx = Math.round(limitPixels / 1e6);
  return RULES.filter((rule) => lines.some((line) => rule.test.test(line)))
    .map((rule) => warning(rule.code, rule.message(n, mpx), { page: n, line: 1 }));
}

/** The warning codes that mean part of a page was lost (as opposed to a page that merely has no text). */
export const LOSS_CODES: ReadonlySet<string> = new Set([
  ...RULES.map((r) => r.code),
  'pdf-page-damaged', 'pdf-page-timeout', 'pdf-page-memory', 'page-too-large', 'page-too-small',
]);
