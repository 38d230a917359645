// The clean stage: raw page lines → content lines with layout flags and furniture marked, provenance kept.
import type { Line, RawPage } from '../document.js';
import { markFurniture } from './furniture.js';
import { splitMarkdownLine } from './markdown.js';
import { restoreOcrEmphasis, restoreOcrHeading } from './ocr-marks.js';
import { restoreSectionSigns } from './section-sign.js';


/**
 * Blank raw lines disappear and set `gapBefore` on the next line; everything else keeps the page
 * and line it came from, even when one raw line splits into several segments.
 */
export function cleanPages(pages: readonly RawPage[]): Line[] {
  const out: Line[] = [];
  for (const page of pages) {
    let gap = true; // a page starts a new block
    for (const raw of page.lines) {
      if (raw.text.trim() === '') {
        gap = true;
        continue;
      }
      const ocr = page.source === 'ocr';
      const segments = splitMarkdownLine(ocr ? restoreOcrEmphasis(raw.text) : raw.text).map((seg) => {
        if (!ocr) return seg;
        // OCR confusions at the start of each field: "§" read as "$" or "8", "##" read as "HH".
        const fixed = restoreOcrHeading(restoreSectionSigns(seg.text));
        return { ...seg, text: fixed.text, heading: seg.heading || fixed.heading };
      });
      segments.forEach((seg, i) => {
        const text = normaliseSpace(seg.text);
        if (text === '') return;
        out.push({
          text,
          page: raw.page,
          line: raw.line,
          heading: seg.heading,
          bold: seg.bold,
          furniture: null,
          gapBefore: gap || (i === 0 && raw.gapBefore === true) || i > 0,
          wrapped: i === segments.length - 1 && raw.wrapped === true,
          ocr,
        });
        gap = false;
      });
    }
  }
  return markFurniture(out);
}

/**
 * Keeps tabs (they separate columns) but folds other whitespace runs and trims the ends. Three or more spaces
 * between words are a column gap too: typewritten and plain-text minutes align their columns with spaces.
 */
export function normaliseSpace(s: string): string {
  return s
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/(?<=\S) {3,}(?=\S)/g, '\t')
    .replace(/[ \u3000]*\t[\t ]*/g, '\t')
    .replace(/ {2,}/g, ' ')
    .trim();
}
