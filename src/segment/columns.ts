// Two columns printed side by side, read apart: each column becomes a stream of rows of its own, top to bottom.
import { setCells, type Line } from '../document.js';

/** How far a cell may stand from its column's edge and still belong to it, in character widths. */
const SLACK = 3;

/**
 * The left edge of a second column in a block of rows, if there is one: where cells that are not a row's first (or rows
 * indented far into the page) start on at least two rows, within a few characters of each other.
 */
export function secondColumn(lines: readonly Line[], isLabelRow: (l: Line) => boolean = () => false): number | null {
  // Rows of labels are set apart from the people under them as often as not: the edge is where the people stand.
  lines = lines.filter((l) => !isLabelRow(l));
  const starts: number[] = [];
  for (const l of lines) {
    l.cells.forEach((c, k) => {
      if (k > 0 || c.x >= 12) starts.push(c.x);
    });
  }
  if (starts.length < 2) return null;
  starts.sort((a, b) => a - b);
  // The densest window of starts within 2 × SLACK.
  let best = { count: 0, x: 0 };
  for (let a = 0, b = 0; b < starts.length; b++) {
    while (starts[b]! - starts[a]! > SLACK * 2) a++;
    if (b - a + 1 > best.count) best = { count: b - a + 1, x: starts[a]! };
  }
  // An edge, not cells that merely follow a gap: most cells right of the first stand on it.
  const beside = lines.flatMap((l) => l.cells.slice(1).map((c) => c.x));
  const onEdge = beside.filter((x) => Math.abs(x - best.x) <= SLACK * 2).length;
  return best.count >= 2 && onEdge >= beside.length * 0.8 ? best.x : null;
}

/**
 * Splits rows at a column edge into a left and a right stream. A row contributes to each stream the cells on its
 * side; a row with nothing on one side is absent from that stream, and the next row there counts as after a gap
 * only where the page had one. Rows keep their page and line, so what is read from them points at the page.
 */
export function splitColumns(lines: readonly Line[], edge: number): [Line[], Line[]] {
  const left: Line[] = [];
  const right: Line[] = [];
  for (const l of lines) {
    const l1 = l.cells.filter((c) => c.x < edge - SLACK);
    const r1 = l.cells.filter((c) => c.x >= edge - SLACK);
    for (const [cells, stream] of [[l1, left], [r1, right]] as const) {
      if (!cells.length) continue;
      const copy: Line = { ...l, cells: [], text: '', wrapped: cells === r1 ? l.wrapped : false };
      setCells(copy, cells);
      stream.push(copy);
    }
  }
  return [left, right];
}
