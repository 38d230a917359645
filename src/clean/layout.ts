// Rows into cells: a column gap (a tab, or three or more spaces in a text copy) separates cells, each kept with its position.
import type { Cell } from '../document.js';

/** A tab advances to the next stop this wide: tabs separate columns, so a label and the lines indented under its value line up. */
const TAB_WIDTH = 40;

/**
 * Splits one row into cells. Plain text gives positions by its character columns (a text copy made with
 * `pdftotext -layout` or typed on a typewriter aligns its columns with spaces); a reader that knows geometry
 * passes the start of each tab-separated cell in `columns`. Inside a cell whitespace folds to one space.
 */
export function splitCells(text: string, columns?: readonly number[]): Cell[] {
  if (columns) {
    const parts = text.split('\t');
    if (parts.length === columns.length) {
      return parts.map((p, k) => ({ text: foldSpace(p), x: columns[k]! })).filter((c) => c.text !== '');
    }
  }
  const cells: Cell[] = [];
  let col = 0;
  let start = -1;
  let cell = '';
  let spaces = 0;
  const close = () => {
    const t = foldSpace(cell);
    if (t) cells.push({ text: t, x: start });
    cell = '';
    start = -1;
  };
  for (const ch of text) {
    if (ch === '\t') {
      if (start >= 0) close();
      spaces = 0;
      col = (Math.floor(col / TAB_WIDTH) + 1) * TAB_WIDTH;
      continue;
    }
    if (ch === ' ' || ch === '\u00a0' || ch === '\u2007' || ch === '\u202f' || ch === '\u3000') {
      spaces++;
      col++;
      if (start >= 0) cell += ' ';
      continue;
    }
    // Three spaces between words are a column gap: typewritten and plain-text minutes align their columns so.
    if (start >= 0 && spaces >= 3) close();
    if (start < 0) start = col;
    cell += ch;
    spaces = 0;
    col++;
  }
  if (start >= 0) close();
  return cells;
}

function foldSpace(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f\u3000]+/g, ' ').trim();
}

/** Joins cells the way a Line's text holds them. */
export function cellsText(cells: readonly Cell[]): string {
  return cells.map((c) => c.text).join('\t');
}
