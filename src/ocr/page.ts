// Turns Tesseract's block/paragraph/line/word tree for one page into raw lines with confidences and layout hints.
import type { RawLine } from '../document.js';
import { boxAround } from '../input/box.js';
import { restoreEmphasisMarks, restoreHeadingMark } from './marks.js';

interface Box { x0: number; y0: number; x1: number; y1: number }
export interface OcrWord { text: string; confidence: number; bbox: Box }
export interface OcrLine { words: OcrWord[]; bbox: Box; baseline?: Box }
/** The part of tesseract.js's Page this module reads (kept structural so tests can build pages by hand). */
export interface OcrPage {
  blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null;
  /** Tesseract's mean word confidence for the page. */
  confidence?: number;
}

export interface PageReading {
  lines: RawLine[];
  /** Mean word confidence over the page (0–100), null when nothing was read. */
  confidence: number | null;
  /** Words on the page, for callers that weigh readings. */
  words: number;
}

interface Row {
  words: OcrWord[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Baseline height, from Tesseract's fitted baselines (word boxes would include descenders). */
  base: number;
  bases: number[];
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const percentile = (values: number[], q: number): number => {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)]!;
};

/**
 * Tesseract reads a label and its value at a tab stop, or a stray mark in the margin, as separate blocks,
 * which would put them on separate lines far apart. Lines whose boxes share most of their height and do not
 * overlap sideways are one visual row, as in a PDF text layer.
 */
function rows(lines: OcrLine[]): Row[] {
  const out: Row[] = [];
  const sorted = lines
    .map((l) => {
      const words = l.words.filter((w) => w.text.trim() !== '').map((w) => ({ ...w }));
      restoreHeadingMark(words);
      words.forEach(restoreEmphasisMarks);
      return { ...l, words };
    })
    .filter((l) => l.words.length > 0)
    .sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  for (const line of sorted) {
    const h = line.bbox.y1 - line.bbox.y0;
    const row = out.find((r) => {
      const overlap = Math.min(r.bottom, line.bbox.y1) - Math.max(r.top, line.bbox.y0);
      const sideways = r.words.some((w) => w.bbox.x0 < line.bbox.x1 && line.bbox.x0 < w.bbox.x1);
      return !sideways && overlap >= 0.6 * Math.min(h, r.bottom - r.top);
    });
    const base = line.baseline ? (line.baseline.y0 + line.baseline.y1) / 2 : median(line.words.map((w) => w.bbox.y1));
    if (row) {
      row.words.push(...line.words);
      row.bases.push(base);
      row.top = Math.min(row.top, line.bbox.y0);
      row.bottom = Math.max(row.bottom, line.bbox.y1);
    } else {
      out.push({ words: [...line.words], top: line.bbox.y0, bottom: line.bbox.y1, left: 0, right: 0, base: 0, bases: [base] });
    }
  }
  for (const r of out) {
    r.words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    r.left = r.words[0]!.bbox.x0;
    r.right = Math.max(...r.words.map((w) => w.bbox.x1));
    r.base = median(r.bases);
  }
  return out.sort((a, b) => a.base - b.base);
}

/**
 * Words joined by spaces; a gap wider than about an em (a tab stop, a table column) becomes a tab. A typewriter's
 * space is itself 0.6 em wide, so a gap must also be well over the page's usual word space.
 */
function rowText(row: Row, em: number, space: number, starts: number[] = []): string {
  const tab = Math.max(em * 1.2, space * 2.5);
  let out = '';
  let prevEnd: number | null = null;
  for (const w of row.words) {
    const gap = prevEnd === null || w.bbox.x0 - prevEnd > tab;
    if (prevEnd !== null) out += gap ? '\t' : ' ';
    if (gap) starts.push(w.bbox.x0);
    out += w.text;
    prevEnd = w.bbox.x1;
  }
  return out;
}

/**
 * Dust on a scan is read as a mark or two far out at either end of a line ("Ale   E 2", "GBG  3 :", "i:   ++
 * Anteckningar"). Such tokens (one or two characters, no digits, low confidence, well apart from the text) are
 * dropped, unless other rows have a cell starting where the token starts: then it is a table cell (a cross in a
 * "Närvarande" column), not dust.
 */
function dropSpecks(row: Row, em: number, column: (x: number, row: Row, first: boolean) => boolean): void {
  // Digits stay: a page number at the end of a contents line, or an item's number before its title, is read with low confidence too.
  const dust = (w: OcrWord, gap: number, first: boolean) => w.text.length <= 2 && !/\d/.test(w.text) && w.confidence < 60 && gap >= em * 2 && !column(w.bbox.x0, row, first);
  while (row.words.length > 1) {
    const last = row.words[row.words.length - 1]!;
    if (!dust(last, last.bbox.x0 - row.words[row.words.length - 2]!.bbox.x1, false)) break;
    row.words.pop();
    row.right = Math.max(...row.words.map((w) => w.bbox.x1));
  }
  while (row.words.length > 1) {
    const first = row.words[0]!;
    if (!dust(first, row.words[1]!.bbox.x0 - first.bbox.x1, true)) break;
    row.words.shift();
    row.left = Math.min(...row.words.map((w) => w.bbox.x0));
  }
}

/**
 * Lines of one OCR'd page, top to bottom, numbered from 1. `gapBefore` marks a vertical gap clearly larger
 * than the usual line pitch; `wrapped` marks a line that reached the right margin with the next line
 * following at normal pitch and starting at the left margin, as src/input/pdf-layout.ts does for PDFs.
 * Each line's box is in the pixels of the image Tesseract read.
 */
export function pageLines(page: OcrPage, pageNumber: number): PageReading {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) for (const para of block.paragraphs) lines.push(...para.lines);
  const rs = rows(lines);
  const heights = rs.map((r) => median(r.words.map((w) => w.bbox.y1 - w.bbox.y0)));
  // A word box spans ascender to baseline (or descender), a little more than the font's em.
  const em = Math.max(1, median(heights) * 0.85);
  // Two other rows with a cell starting within half an em of x (a word after a gap of two em or more, as a table's
  // columns are set) make x a column of a table; plain words of running text start everywhere and do not count.
  const starts = rs.map((r) => r.words.filter((w, i) => i > 0 && w.bbox.x0 - r.words[i - 1]!.bbox.x1 >= em * 2).map((w) => w.bbox.x0));
  // A table's first column: rows starting with a cell set apart from the rest of the row in the same way.
  const firsts = rs.map((r) => (r.words.length > 1 && r.words[1]!.bbox.x0 - r.words[0]!.bbox.x1 >= em * 2 ? r.words[0]!.bbox.x0 : null));
  const column = (x: number, row: Row, first: boolean) => rs.filter((r, i) => r !== row && (first
    ? firsts[i] !== null && Math.abs(firsts[i]! - x) < em * 0.5
    : starts[i]!.some((s) => Math.abs(s - x) < em * 0.5))).length >= 2;
  for (const r of rs) dropSpecks(r, em, column);
  const gaps: number[] = [];
  for (const r of rs) for (let i = 1; i < r.words.length; i++) gaps.push(r.words[i]!.bbox.x0 - r.words[i - 1]!.bbox.x1);
  const space = median(gaps);
  const pitches: number[] = [];
  for (let i = 1; i < rs.length; i++) {
    const d = rs[i]!.base - rs[i - 1]!.base;
    if (d > em * 0.5 && d < em * 3.5) pitches.push(d);
  }
  const pitch = percentile(pitches, 0.2) || em * 1.2;
  // Specks and page numbers stick out past the text; most long lines end near the true margin.
  const rightMargin = percentile(rs.map((r) => r.right), 0.9);
  const leftMargin = percentile(rs.map((r) => r.left), 0.1);

  const charWidth = median(rs.flatMap((r) => r.words.filter((w) => w.text.length >= 2).map((w) => (w.bbox.x1 - w.bbox.x0) / w.text.length))) || em * 0.5;
  let sum = 0;
  let count = 0;
  const out: RawLine[] = rs.map((r, i) => {
    const prev = rs[i - 1];
    const next = rs[i + 1];
    const gapBefore = prev ? r.base - prev.base > pitch * 1.3 : false;
    let wrapped = false;
    if (next && next.base - r.base <= pitch * 1.1) {
      const first = next.words[0]!;
      const needed = first.bbox.x1 - first.bbox.x0 + em * 0.3;
      // Only a real measure has a right margin to run into: a crop or a column of short names does not.
      wrapped = rightMargin - leftMargin > em * 25
        && r.right + needed > rightMargin - em * 0.5
        && Math.abs(next.left - leftMargin) < em * 2;
    }
    const confs = r.words.map((w) => w.confidence);
    sum += confs.reduce((a, b) => a + b, 0);
    count += confs.length;
    const confidence = Math.round((confs.reduce((a, b) => a + b, 0) / confs.length) * 10) / 10;
    const starts: number[] = [];
    const text = rowText(r, em, space, starts);
    // Positions in character widths from the left margin, so columns compare with those of text copies.
    const columns = starts.map((x) => Math.round(((x - leftMargin) / charWidth) * 10) / 10);
    // The words' own boxes, not Tesseract's line box: a dropped speck would otherwise stretch it.
    const box = boxAround(r.words.flatMap((w) => [[w.bbox.x0, w.bbox.y0], [w.bbox.x1, w.bbox.y1]] as const));
    return { text, page: pageNumber, line: i + 1, confidence, gapBefore, wrapped, columns, box };
  });
  return { lines: out, confidence: count ? Math.round((sum / count) * 10) / 10 : null, words: count };
}
