// Rebuilds lines from positioned PDF text items: columns become tabs, vertical gaps and wrapped lines become hints.
import type { RawLine } from '../document.js';
import type { Box } from '../schema/minutes.js';
import { boxAround, transformBox } from './box.js';

export interface TextItem {
  str: string;
  /** Left edge and baseline in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size; 0 for the empty end-of-line markers pdf.js emits. */
  height: number;
}

interface BuiltLine {
  items: TextItem[];
  y: number;
  size: number;
  left: number;
  right: number;
}

/** Groups items by baseline (a line is items whose baselines lie within half a font size). */
function groupLines(items: readonly TextItem[]): BuiltLine[] {
  const visible = items.filter((it) => it.str.length > 0 && (it.str.trim() !== '' || it.width > 0));
  const lines: BuiltLine[] = [];
  for (const it of visible) {
    const size = it.height || 10;
    // Items mostly arrive line by line, so the last few lines are checked first.
    let line: BuiltLine | undefined;
    for (let k = lines.length - 1; k >= 0; k--) {
      const l = lines[k]!;
      if (Math.abs(l.y - it.y) <= Math.max(l.size, size) * 0.5) { line = l; break; }
    }
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.height);
    } else {
      lines.push({ items: [it], y: it.y, size: it.height, left: 0, right: 0 });
    }
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    const inked = l.items.filter((it) => it.str.trim() !== '');
    l.left = inked.length ? inked[0]!.x : 0;
    l.right = inked.reduce((max, it) => Math.max(max, it.x + it.width), inked.length ? -Infinity : 0);
    if (!l.size) l.size = 10;
  }
  return lines.filter((l) => l.items.some((it) => it.str.trim() !== '')).sort((a, b) => b.y - a.y);
}

/** Joins a line's items, turning wide gaps (tab stops, table columns) into tabs; `starts` gets each cell's left edge. */
function lineText(line: BuiltLine, starts: number[] = []): string {
  let out = '';
  let end: number | null = null;
  let prev = '';
  let inkEnd = -Infinity;
  for (const it of line.items) {
    if (it.str.trim() === '') {
      // whitespace items are gaps; their width is what matters
      end = end === null ? it.x + it.width : Math.max(end, it.x + it.width);
      continue;
    }
    if (end !== null && out !== '') {
      const startGap = it.x - inkEnd;
      const hadSpace = /\s$/.test(out) || /^\s/.test(it.str);
      if (startGap >= line.size * 0.9) {
        out = out.trimEnd() + '\t';
        starts.push(it.x);
      } else if (!hadSpace && startGap > line.size * 0.12) out += ' ';
      else if (!hadSpace && /\p{Ll}$/u.test(prev) && /^\p{Lu}\p{Ll}/u.test(it.str.trimStart())) {
        // Two separate runs touching lowercase-to-Capital: a label and a value at a tab stop ("TjänstepersonerMikaela").
        out += '\t';
        starts.push(it.x);
      } else if (!hadSpace && /^[\s(]/.test(it.str) === false && /[,;:)]$/.test(prev)) out += ' ';
    }
    if (out === '') starts.push(it.x + (it.str.length - it.str.trimStart().length) * line.size * 0.25);
    out += it.str;
    prev = it.str.trimEnd();
    end = it.x + it.width;
    inkEnd = Math.max(inkEnd, it.x + it.width - (it.str.length - it.str.trimEnd().length) * line.size * 0.25);
  }
  // A loop, not /[ \u00a0]+$/, which tries every space of a long run in turn.
  let last = out.length;
  while (last > 0 && (out[last - 1] === ' ' || out[last - 1] === '\u00a0')) last--;
  return out.slice(0, last);
}


function percentile(values: number[], q: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)]!;
}

/**
 * The line's inked extent in user space, from its baselines: glyphs rise about 0.8 of the font size above the
 * baseline and descend 0.2 below it, which is close enough to outline a line for a reader.
 */
function userBox(line: BuiltLine): Box | null {
  const inked = line.items.filter((it) => it.str.trim() !== '');
  const size = (it: TextItem) => it.height || line.size;
  return boxAround(inked.flatMap((it) => [[it.x, it.y - 0.2 * size(it)], [it.x + it.width, it.y + 0.8 * size(it)]] as const));
}

/**
 * Lines of one page, top to bottom. `gapBefore` marks a vertical gap clearly larger than the usual
 * line pitch (a paragraph break or blank line); `wrapped` marks a line that ran out of width: the next
 * line's first word would not have fitted after it, and the next line follows at normal pitch.
 * With `toPage` (the page viewport's transform at scale 1) each line gets its box in points from the page's
 * top-left corner; without it, no box.
 */
export function layoutPage(items: readonly TextItem[], page: number, pageWidth?: number, toPage?: readonly number[]): RawLine[] {
  const lines = groupLines(items);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1]!.y - lines[i]!.y;
    if (d > 0 && d < lines[i]!.size * 2.5) pitches.push(d);
  }
  // The tightest common pitch is the line spacing; paragraph spacing and blank lines only add to it.
  const pitch = percentile(pitches, 0.2) || 12;
  // Loops, not Math.min(...): a page of 100,000 lines would overflow the call stack with as many arguments.
  const leftMargin = lines.reduce((min, l) => Math.min(min, l.left), Infinity);
  // On a sparse page the widest line is no guide to the margin; assume margins as wide as the left one.
  const rightMargin = lines.reduce((max, l) => Math.max(max, l.right), Math.max(pageWidth ? pageWidth - leftMargin : 0, 0));
  const starts: number[][] = lines.map(() => []);
  const texts = lines.map((l, i) => lineText(l, starts[i]));
  // Positions in character widths from the left margin, so columns compare with those of text copies.
  const charWidth = percentile(items.filter((it) => it.str.trim().length >= 2).map((it) => it.width / it.str.length), 0.5) || 5;
  const columns = (i: number) => starts[i]!.map((x) => Math.round(((x - leftMargin) / charWidth) * 10) / 10);
  return lines.map((l, i) => {
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const gapBefore = prev ? prev.y - l.y > pitch * 1.3 : false;
    let wrapped = false;
    // Wrapped lines follow at exactly the line pitch; any paragraph spacing at all means a new paragraph.
    if (next && l.y - next.y <= pitch * 1.04) {
      const text = texts[i + 1]!.trimStart();
      const firstWord = text.split(/\s+/)[0] ?? '';
      const avgChar = next.items.reduce((a, it) => a + it.width, 0) / Math.max(1, next.items.reduce((a, it) => a + it.str.length, 0));
      const needed = (firstWord.length + 1) * (avgChar || l.size * 0.5);
      wrapped = l.right + needed > rightMargin - 1 && Math.abs(next.left - leftMargin) < l.size * 3;
    }
    const user = toPage ? userBox(l) : null;
    const box = user && toPage ? transformBox(user, toPage) : null;
    return { text: texts[i]!, page, line: i + 1, confidence: null, gapBefore, wrapped, columns: columns(i), box };
  });
}
