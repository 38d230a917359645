// The clean stage: raw page lines → content lines with layout flags and furniture marked, provenance kept.
import type { Cell, Line, RawPage } from '../document.js';
import { markFurniture } from './furniture.js';
import { cellsText, splitCells } from './layout.js';
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
      const ocr = page.source === 'ocr' || page.ocrText === true;
      const segments = splitMarkdownLine(ocr ? restoreOcrEmphasis(raw.text) : raw.text).map((seg) => {
        if (!ocr) return seg;
        // OCR confusions at the start of each field: "§" read as "$" or "8", "##" read as "HH".
        const fixed = restoreOcrHeading(restoreSectionSigns(seg.text));
        return { ...seg, text: fixed.text, heading: seg.heading || fixed.heading };
      });
      segments.forEach((seg, i) => {
        // Cells keep their columns: a segment split off by a Markdown mark starts where its text stands in the raw line.
        const columns = segments.length === 1 ? raw.columns : undefined;
        const cells = splitCells(seg.text, columns);
        if (cells.length === 0) return;
        if (segments.length > 1) shiftTo(cells, raw.text);
        out.push({
          text: cellsText(cells),
          cells,
          page: raw.page,
          line: raw.line,
          heading: seg.heading,
          bold: seg.bold,
          furniture: null,
          gapBefore: gap || (i === 0 && raw.gapBefore === true) || i > 0,
          wrapped: i === segments.length - 1 && raw.wrapped === true,
          ocr,
          confidence: raw.confidence ?? null,
          box: raw.box ?? null,
        });
        gap = false;
      });
    }
  }
  return markFurniture(out);
}

/** Moves cells so the first starts where its text stands in the raw line (a segment of a line split at `**`). */
function shiftTo(cells: Cell[], raw: string): void {
  const at = raw.indexOf(cells[0]!.text.slice(0, 12));
  if (at < 0) return;
  const shift = at - cells[0]!.x;
  for (const c of cells) c.x += shift;
}

/**
 * Keeps tabs (they separate columns) but folds other whitespace runs and trims the ends. Three or more spaces
 * between words are a column gap too: typewritten and plain-text minutes align their columns with spaces.
 */
export function normaliseSpace(s: string): string {
  return cellsText(splitCells(s));
}
