// Finds page furniture: signature boxes, page numbers and running headers that repeat at page boundaries.
import type { Line } from '../document.js';

/** "Sidan 1 av 3", "Sida 2 (6)", "2 (6)", "- 3 -", "3/7", "Page 2 of 5". */
const PAGE_NUMBER = /^(?:(?:sidan?|page|s\.)\s*\d+(?:\s*(?:av|of|\/)\s*\d+|\s*\(\s*\d+\s*\))?|\d+\s*\(\s*\d+\s*\)|[-–]\s*\d+\s*[-–]|\d+\s*\/\s*\d+)$/i;

/** Labels of the initials box printed on every page of a protokoll. */
const SIGN_BOX = /^(?:justerandes?|justerares?|ordförandes?|sekreterarens?|protokollförarens?)\s+sign(?:atur)?\.?$|^utdragsbestyrkande$|^sign(?:atur)?\.?$|^justerandes?\s+signatur$/i;
/** Bare role labels that belong to the box when they stand next to one of the labels above. */
const SIGN_BOX_ROLE = /^(?:ordförande|justerande|justerare|sekreterare|justeras)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** A row whose last cell is its page number ("Förbund | Org.nr …\tSida 2 av 3"): a header or footer. */
function endsInPageNumber(text: string): boolean {
  const cells = text.split('\t');
  return cells.length > 1 && isPageNumber(cells[cells.length - 1]!);
}

/** Marks furniture in place; returns the lines for chaining. Lines are in reading order. */
export function markFurniture(lines: Line[]): Line[] {
  markPageNumbers(lines);
  markSignatureBoxes(lines);
  markRunningHeaders(lines);
  return lines;
}

function markPageNumbers(lines: Line[]): void {
  for (const l of lines) if (!l.furniture && isPageNumber(l.text)) l.furniture = 'page-number';
}

/** OCR may run the box's labels together with stray glyphs ("Justerandet”rUtdragsbestyrkande"): a short line naming the box is the box. */
function isSignBoxLine(text: string): boolean {
  const t = text.trim();
  if (SIGN_BOX.test(t)) return true;
  return t.length <= 80 && t.split(/\s+/).length <= 6 && /utdragsbestyrkande|(?:justerandes|justerares|ordförandes)\s*sign/i.test(t) && !/[.!?]$/.test(t);
}

function markSignatureBoxes(lines: Line[]): void {
  const content = lines.filter((l) => l.text.trim() !== '');
  for (let i = 0; i < content.length; i++) {
    if (!isSignBoxLine(content[i]!.text)) continue;
    content[i]!.furniture = 'signature-box';
    // Bare role labels right before or after a box label belong to the same box.
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < content.length && j >= i - 3 && j <= i + 3; j += dir) {
        const t = content[j]!.text.trim();
        if (SIGN_BOX_ROLE.test(t) || isSignBoxLine(t)) content[j]!.furniture = 'signature-box';
        else break;
      }
    }
  }
}

const normalise = (t: string) => t.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/**
 * A running header or footer is a run of short lines that stands right at a page boundary (a page
 * break, or a signature box or page number, which in text copies is where pages met) and comes back at other
 * boundaries. Each run grows from the boundary only while its lines repeat elsewhere, so a heading
 * that merely follows a boundary once is left alone. Decision clauses and numbered headings never count.
 */
function markRunningHeaders(lines: Line[]): void {
  const content = lines.filter((l) => l.text.trim() !== '');
  const eligible = (l: Line) => {
    const t = l.text.trim();
    // A footer that carries its page number in its last cell ("Förbund | Org.nr … | www…\tSida 1 av 3") may run long.
    const long = t.length <= 160 && endsInPageNumber(t);
    return !l.furniture && (t.length <= 80 || long) && !/^att\s/i.test(t) && !/^§\s*\d/.test(t) && !/^\d+\.\s/.test(t);
  };
  const count = new Map<string, number>();
  for (const l of content) if (eligible(l)) count.set(normalise(l.text), (count.get(normalise(l.text)) ?? 0) + 1);
  const repeated = (l: Line | undefined) => l !== undefined && eligible(l) && (count.get(normalise(l.text)) ?? 0) >= 2;
  const atBoundary = new Map<string, number>();
  const marked = new Set<Line>();
  const walk = (from: number, step: 1 | -1, max = 6) => {
    for (let k = from, n = 0; k >= 0 && k < content.length && n < max && repeated(content[k]); k += step, n++) {
      const l = content[k]!;
      if (marked.has(l)) continue;
      marked.add(l);
      atBoundary.set(normalise(l.text), (atBoundary.get(normalise(l.text)) ?? 0) + 1);
    }
  };
  content.forEach((l, i) => {
    const prev = content[i - 1];
    const next = content[i + 1];
    // A signature box or a page number ("Sidan 2 av 4") marks where pages met in a text copy.
    const edge = (x: Line) => (x.furniture === 'signature-box' || x.furniture === 'page-number') && !l.furniture;
    if (!prev || prev.page !== l.page || edge(prev)) walk(i, 1);
    if (!next || next.page !== l.page || edge(next)) walk(i, -1);
    // A line that ends in its own page number ("…\tSida 2 av 3") stands at a boundary itself.
    if (endsInPageNumber(l.text)) walk(i, 1, 1);
  });
  for (const l of marked) {
    const key = normalise(l.text);
    const seen = atBoundary.get(key) ?? 0;
    // Most occurrences at boundaries: a page break without a signature box can hide one.
    if (seen >= 2 && seen >= (count.get(key) ?? 0) * 0.6) l.furniture = 'running-header';
  }
}
