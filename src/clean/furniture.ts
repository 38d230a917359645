// Finds page furniture: signature boxes, page numbers, running headers and footers, and boxes printed beside the content.
import { setCells, type Line } from '../document.js';

/** "Sidan 1 av 3", "Sida 2 (6)", "2 (6)", "- 3 -", "3/7", "Page 2 of 5". */
const PAGE_NUMBER = /^(?:(?:sidan?|blad|page|s\.)\s*\d+(?:\s*(?:av|of|\/)\s*\d+|\s*\(\s*\d+\s*\))?|\d+\s*\(\s*\d+\s*\)|[-–]\s*\d+\s*[-–]|\d+\s*\/\s*\d+)$/i;

/** Labels of the initials box printed on every page of a protokoll. */
const SIGN_BOX = /^(?:justerandes?|justerares?|ordförandes?|sekreterarens?|protokollförarens?)\s+sign(?:atur)?\.?$|^utdragsbestyrkande$|^sign(?:atur)?\.?$|^justerandes?\s+signatur$|^expedierat\/bestyrkt$/i;
/** Bare role labels that belong to the box when they stand next to one of the labels above. */
const SIGN_BOX_ROLE = /^(?:ordförande|justerande|justerare|sekreterare|justeras)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** A row whose last cell is its page number ("Förbund | Org.nr …\tSida 2 av 3"): a header or footer. */
function endsInPageNumber(l: Line): boolean {
  return l.cells.length > 1 && isPageNumber(l.cells[l.cells.length - 1]!.text);
}

/** Marks furniture in place; returns the lines for chaining. Lines are in reading order. */
export function markFurniture(lines: Line[]): Line[] {
  markPageNumbers(lines);
  markSignatureBoxes(lines);
  markRunningHeaders(lines);
  markContinuedHeadings(lines);
  markSigningFooters(lines);
  removeSideBoxes(lines);
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
  for (let i = 0; i < lines.length; i++) {
    if (!isSignBoxLine(lines[i]!.text) && !lines[i]!.cells.every((c) => isSignBoxLine(c.text) || SIGN_BOX_ROLE.test(c.text))) continue;
    if (!lines[i]!.cells.some((c) => isSignBoxLine(c.text))) continue;
    lines[i]!.furniture = 'signature-box';
    // Bare role labels right before or after a box label belong to the same box.
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < lines.length && j >= i - 3 && j <= i + 3; j += dir) {
        const t = lines[j]!.text.trim();
        if (SIGN_BOX_ROLE.test(t) || isSignBoxLine(t)) lines[j]!.furniture = 'signature-box';
        else break;
      }
    }
  }
}

/** A page number at the end of a header's last cell: "… Sammanträdesdatum 2023-03-14 Sida 3 (4)", "… Blad 2". */
const TRAILING_PAGE_NUMBER = /\s+(?:(?:sidan?|blad|page|s\.)\s*\d+(?:\s*(?:av|of|\/)\s*\d+|\s*\(\s*\d+\s*\))?|\d+\s*\(\s*\d+\s*\))$/i;

/**
 * What a header row says, its page number aside: the row as printed, without a last cell that is its page number
 * ("KUNGSBACKA KOMMUN | PROTOKOLL | 3 (14)") or a page number ending it ("… Blad 2"); a row that is only a small
 * number is a page number too. Other digits are not folded: "KS § 12" and "KS § 13" are different rows.
 */
function rowKey(l: Line): string {
  const cells = (endsInPageNumber(l) ? l.cells.slice(0, -1) : l.cells).map((c) => c.text);
  if (cells.length === 1 && /^\d{1,3}$/.test(cells[0]!)) return '#';
  cells[cells.length - 1] = cells[cells.length - 1]!.replace(TRAILING_PAGE_NUMBER, '');
  return cells.join('\t');
}

/** An item heading ("KS § 12", "§ 3 a") printed as a running header: its first occurrence is the heading itself. */
const PARAGRAPH_HEADING = /(?:^|\s)§\s*\d/;

/** Content that repeats without being furniture: decision clauses and numbered points. */
function eligible(l: Line): boolean {
  const t = l.text.trim();
  // A footer that carries its page number in its last cell ("Förbund | Org.nr … | www…\tSida 1 av 3") may run long.
  const long = t.length <= 160 && endsInPageNumber(l);
  return !l.furniture && (t.length <= 80 || long) && !/^(?:[-–•]\s*)?att\s/i.test(t) && !/^\d+\.\s/.test(t);
}

/**
 * A running header or footer is a run of short rows that stands right at a page boundary (a page break, or a
 * signature box or page number, which in text copies is where pages met) and comes back at other boundaries.
 * Each run grows from the boundary only while its rows repeat elsewhere, so a heading that merely follows a
 * boundary once is left alone. Rows are compared as printed; only a page number in their last cell is set aside.
 */
function markRunningHeaders(lines: Line[]): void {
  const count = new Map<string, number>();
  for (const l of lines) if (eligible(l)) count.set(rowKey(l), (count.get(rowKey(l)) ?? 0) + 1);
  const repeated = (l: Line | undefined) => l !== undefined && eligible(l) && (count.get(rowKey(l)) ?? 0) >= 2;
  const atBoundary = new Map<string, number>();
  const marked = new Set<Line>();
  const walk = (from: number, step: 1 | -1, max = 6) => {
    for (let k = from, n = 0; k >= 0 && k < lines.length && n < max && repeated(lines[k]); k += step, n++) {
      const l = lines[k]!;
      if (marked.has(l)) continue;
      marked.add(l);
      atBoundary.set(rowKey(l), (atBoundary.get(rowKey(l)) ?? 0) + 1);
    }
  };
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const next = lines[i + 1];
    // A signature box or a page number ("Sidan 2 av 4") marks where pages met in a text copy.
    const edge = (x: Line) => (x.furniture === 'signature-box' || x.furniture === 'page-number') && !l.furniture;
    if (!prev || prev.page !== l.page || edge(prev)) walk(i, 1);
    if (!next || next.page !== l.page || edge(next)) walk(i, -1);
    // A line that ends in its own page number ("…\tSida 2 av 3") stands at a boundary itself.
    if (endsInPageNumber(l)) walk(i, 1, 1);
  });
  const firstOf = new Map<string, Line>();
  for (const l of lines) if (!firstOf.has(rowKey(l))) firstOf.set(rowKey(l), l);
  for (const l of marked) {
    const key = rowKey(l);
    const seen = atBoundary.get(key) ?? 0;
    // Most occurrences at boundaries: a page break without a signature box can hide one.
    if (seen < 2 || seen < (count.get(key) ?? 0) * 0.6) continue;
    // "KS § 12   Dnr …" at the top of every page of the item: the first is the item's heading.
    if (PARAGRAPH_HEADING.test(key) && firstOf.get(key) === l) continue;
    l.furniture = 'running-header';
  }
}

/** "PTN § 45 (forts.)", "§ 12 Budget 2025, forts.", "§ 7 (fortsättning)": an item's heading repeated where it runs on. */
const CONTINUED_HEADING = /^(?:\p{Lu}[\p{L}-]{0,11}\s+)?§\s*(\d+\s*[a-z]?)\b.{0,120}?[\s,(–-](?:forts\.?|forts\.|fortsättning|fortsatt)\)?\s*$/iu;

/**
 * A heading that says its item continues, for a paragraph that was already opened, is a page header even when it
 * stands on one page only (a running header needs two). The item it continues keeps its own heading.
 */
function markContinuedHeadings(lines: Line[]): void {
  const opened = new Set<string>();
  for (const l of lines) {
    if (l.furniture) continue;
    const t = l.cells.map((c) => c.text).filter((c, i, all) => i < all.length - 1 || !isPageNumber(c)).join(' ').replace(TRAILING_PAGE_NUMBER, '').trim();
    const continued = CONTINUED_HEADING.exec(t);
    if (continued && opened.has(continued[1]!.replace(/\s+/g, ''))) { l.furniture = 'running-header'; continue; }
    const heading = /^(?:\p{Lu}[\p{L}-]{0,11}\s+)?§\s*(\d+\s*[a-z]?)\b/u.exec(t);
    if (heading) opened.add(heading[1]!.replace(/\s+/g, ''));
  }
}

/** The footer an e-signing service stamps on every page: "Det här dokumentet är digitalt signerat" over its ids. */
const SIGNING_FOOTER = /^\W{0,3}(?:det här|detta) dokument(?:et)? är (?:digitalt|elektroniskt) (?:signerat|undertecknat)\W{0,3}$/i;
const TRANSACTION_ID = /^\W{0,3}transaktionsidentitet\s*:/i;

function markSigningFooters(lines: Line[]): void {
  lines.forEach((l, i) => {
    if (l.furniture || !SIGNING_FOOTER.test(l.text.trim())) return;
    l.furniture = 'running-header';
    for (let k = i + 1; k < lines.length && k <= i + 4 && lines[k]!.page === l.page && TRANSACTION_ID.test(lines[k]!.text.trim()); k++) lines[k]!.furniture = 'running-header';
  });
}

/** How far from a page's top or bottom a box printed beside the content stands. */
const WINDOW = 8;

/**
 * A box printed at the side of every page ("Sammanträdesdatum" over "2026-05-07", right of the attendee list) shares
 * rows with the content. A cell is such a box when its text, as printed, comes back near the top or bottom of
 * several pages, never stands elsewhere, and at least once stands beside other content. It leaves the row; a row of
 * nothing else is furniture. In a text copy two spaces may be all that part it from the content, so a row that ends
 * in such a text after two spaces loses it too.
 */
function removeSideBoxes(lines: Line[]): void {
  const pages = new Map<number, Line[]>();
  for (const l of lines) {
    const page = pages.get(l.page);
    if (page) page.push(l);
    else pages.set(l.page, [l]);
  }
  if (pages.size < 2) return;
  const inWindow = new Set<Line>();
  // The right side of a page: past a third of its width, and past where labels end.
  const rightOf = new Map<number, number>();
  for (const [page, ls] of pages) {
    const content = ls.filter((l) => l.furniture !== 'page-number');
    for (const l of [...content.slice(0, WINDOW), ...content.slice(-WINDOW)]) inWindow.add(l);
    // A loop, not Math.max(...): a page of 200,000 lines would overflow the call stack with as many arguments.
    const width = ls.reduce((max, l) => { const c = l.cells[l.cells.length - 1]!; return Math.max(max, c.x + c.text.length); }, -Infinity);
    rightOf.set(page, Math.max(30, width * 0.35));
  }
  const atRight = (l: Line, k: number) => k > 0 && l.cells[k]!.x >= rightOf.get(l.page)!;
  const stats = new Map<string, { pages: Set<number>; count: number; inside: number; beside: boolean }>();
  for (const l of lines) {
    l.cells.forEach((c, k) => {
      const s = stats.get(c.text) ?? { pages: new Set<number>(), count: 0, inside: 0, beside: false };
      s.pages.add(l.page);
      s.count++;
      if (inWindow.has(l)) s.inside++;
      if (inWindow.has(l) && atRight(l, k) && !l.furniture) s.beside = true;
      stats.set(c.text, s);
    });
  }
  const need = Math.max(3, Math.ceil(pages.size * 0.3));
  const boxes = new Set([...stats]
    .filter(([text, s]) => s.pages.size >= need && s.inside >= s.count * 0.75 && s.beside && text.length <= 40 && !/^(?:[-–•]\s*)?att\s/i.test(text))
    .map(([t]) => t));
  if (!boxes.size) return;
  for (const l of lines) {
    if (l.furniture || !inWindow.has(l)) continue;
    if (l.cells.every((c) => boxes.has(c.text))) {
      l.furniture = 'side-box';
      continue;
    }
    const kept = l.cells.filter((c, k) => !(boxes.has(c.text) && atRight(l, k)));
    // "…mot beslutet.  Sammanträdesdatum": the box after a gap too narrow to be read as a column. Cells fold their
    // spaces, so the gap is told by what stands before the box: a finished sentence or a closing parenthesis.
    const last = kept[kept.length - 1]!;
    const box = [...boxes].find((b) => last.text.length > b.length + 1 && last.text.endsWith(` ${b}`) && /[.!?:)]$/.test(last.text.slice(0, -b.length - 1)));
    if (box) kept[kept.length - 1] = { ...last, text: last.text.slice(0, -box.length - 1) };
    if (box || kept.length !== l.cells.length) setCells(l, kept);
  }
}
