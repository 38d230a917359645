// Finds item headings: "§ 12 Title", numbered headings ("3. Title"), and unnumbered headings marked by cues.
import type { Line } from '../document.js';
import { caseNumberOf } from './case-number.js';
import type { SegmentContext } from './context.js';
import { findDates } from './dates.js';
import { parseOcrParagraphHeading, parseParagraphHeading, titleParts, type ParsedHeading } from './item-heading.js';
import { AGENDA_LABELS, SECTION_LABELS, groupLabel, isBodySectionLabel, isDecisionHeading, isItemCue, roleHeading } from './vocabulary.js';
import type { AgendaEntry } from '../schema/minutes.js';
import { headingsAtCaseNumbers } from './anchored-headings.js';
import { endsUnfinished, endsWithAbbreviation, isGarbled, isTitleLike, keySet, labelKey } from './text.js';

export interface Heading {
  /** Index of the heading's first line in the context. */
  index: number;
  /** Index of the last line that belongs to the heading (title lines, case number line). */
  last: number;
  paragraph: number | null;
  number: string | null;
  title: string;
  kind: string | null;
  caseNumber: string | null;
  scheme: 'paragraph' | 'numbered' | 'cue' | 'empty' | 'after-decision';
}

/** "3. Title", "3) Title", and the spelled-out "Ärende 3: Title", "Punkt 3. Title". */
const NUMBERED = /^(?:(?:ärende|punkt|ärendenummer)\s+)?(\d{1,3})(?:[.)]|(?<=(?:ärende|punkt|ärendenummer)\s+\d{1,3})[:.]?)\s+(\S.*)$/i;

/** Section names that are also the titles of agenda items ("Dagordning", "Övriga frågor"). */
const ITEM_TITLES = keySet(['Dagordning', 'Övriga frågor', 'Nästa möte', 'Information', 'Ärenden']);

function isFrontMatter(t: string): boolean {
  const key = labelKey(t.split(/[:\t]/)[0] ?? t);
  return SECTION_LABELS.has(key) || AGENDA_LABELS.has(key) || groupLabel(t) !== null || roleHeading(t.replace(/:$/, '')) !== null;
}

/** Where a line ends, in character widths from the left margin. */
const lineEnd = (l: Line) => { const c = l.cells[l.cells.length - 1]!; return c.x + c.text.length; };

/** The usual length of a full line of running text in this document (text copies have no wrap marks). */
function measureOf(ctx: SegmentContext): number {
  const ends = ctx.lines.filter((l) => !l.furniture && l.text.split(/\s+/).length >= 6).map(lineEnd).sort((a, b) => a - b);
  return ends.length ? ends[Math.floor((ends.length - 1) * 0.9)]! : 80;
}

/** A line that cannot continue a title: a section heading, a label, another heading, a case number, a list point. */
function stopsTitle(text: string): boolean {
  const t = text.trim();
  return isDecisionHeading(t) || isBodySectionLabel(t) || isItemCue(t) || parseParagraphHeading(t) !== null || caseNumberOf(t) !== null
    || (isFrontMatter(t) && !ITEM_TITLES.has(labelKey(t))) || /^[-–•*]\s/.test(t) || /^att\s/i.test(t);
}

/**
 * A heading's title: what its own line gives, else the next line (after a case number standing alone); then the
 * lines that continue it. A title runs on over the page width: a line starting in lower case, or, where the line
 * above is full, one starting with a capital or a name that does not end a sentence ("… till kommunstyrelsens
 * ordförande" / "Robert Lind (M) om energiplan får ställas"). A case number right under the title belongs to it.
 */
function extendTitle(ctx: SegmentContext, index: number, parts: { title: string; caseNumber: string | null; kind: string | null }, measure: number)
  : { title: string; caseNumber: string | null; kind: string | null; last: number } {
  let { title, caseNumber, kind } = parts;
  let last = index;
  if (!title) {
    let j = ctx.nextContent(last);
    if (j >= 0 && ctx.isFree(j) && caseNumberOf(ctx.lines[j]!.text)) {
      caseNumber ??= caseNumberOf(ctx.lines[j]!.text);
      last = j;
      j = ctx.nextContent(j);
    }
    const t = j >= 0 ? ctx.lines[j]!.text.trim() : '';
    if (j >= 0 && ctx.isFree(j) && !stopsTitle(t) && !(/[.!?]$/.test(t) && !endsWithAbbreviation(t))) {
      const p = titleParts(t);
      title = p.title;
      caseNumber ??= p.caseNumber;
      kind ??= p.kind;
      last = j;
    }
  }
  for (let n = 0; title && n < 3; n++) {
    const j = last + 1;
    const here = ctx.lines[last]!;
    const next = ctx.lines[j];
    if (!next || !ctx.isFree(j) || next.page !== here.page || (next.gapBefore && !here.wrapped)) break;
    const t = next.text.trim();
    if (stopsTitle(t) || isGarbled(next) || (/[.!?:]$/.test(title) && !endsWithAbbreviation(title))) break;
    const full = here.wrapped || lineEnd(here) >= measure * 0.7;
    // The block the title is in ends after this line: a gap, a section heading, or the page's end follows.
    const after = ctx.lines[j + 1];
    const blockEnds = !after || after.gapBefore || after.page !== next.page || stopsTitle(after.text);
    const lower = /^\p{Ll}/u.test(t);
    const sentence = /[.!?]$/.test(t) && !endsWithAbbreviation(t);
    const unfinished = endsUnfinished(title);
    if (!(here.wrapped || (lower && (full || blockEnds)) || (full && blockEnds && !sentence && t.length <= 130) || (unfinished && !sentence && t.length <= 130))) break;
    title += ' ' + t;
    last = j;
  }
  // "§ 14 Tilldelning" over "Dnr 2024:17": a case number right under the title.
  const j = ctx.nextContent(last);
  if (j >= 0 && ctx.isFree(j) && !caseNumber && caseNumberOf(ctx.lines[j]!.text)) {
    caseNumber = caseNumberOf(ctx.lines[j]!.text);
    last = j;
  }
  return { title: titleParts(title).title || title, caseNumber, kind, last };
}

function paragraphHeadings(ctx: SegmentContext): Heading[] {
  const out: Heading[] = [];
  const measure = measureOf(ctx);
  // Headings with a § for sure, and on OCR'd lines the readings of a § as 8, S or $ ("SN 81", "SN S 2"), which count
  // only where their number continues the sequence the other headings make.
  const cands = ctx.lines.map((l, i) => {
    if (!ctx.isFree(i)) return null;
    const sure = parseParagraphHeading(l.text);
    if (sure) return { i, h: sure, sure: true };
    const ocr = l.ocr ? parseOcrParagraphHeading(l.text) : null;
    return ocr ? { i, h: ocr, sure: false } : null;
  }).filter((c): c is { i: number; h: ParsedHeading; sure: boolean } => c !== null && c.h.paragraph !== null);
  let last: number | null = null;
  cands.forEach((c, k) => {
    const n = c.h.paragraph!;
    if (!c.sure) {
      const next = cands.slice(k + 1).find((x) => x.sure || x.h.paragraph! > n)?.h.paragraph ?? null;
      const continues = last !== null ? n > last && n <= last + 2 : next !== null && next > n && next <= n + 2;
      if (!continues) return;
    }
    last = n;
    const i = c.i;
    const h = c.h;
    const ext = extendTitle(ctx, i, h, measure);
    const prev = out[out.length - 1];
    // The same § again with nothing between (a heading printed twice, as header and heading): one heading.
    if (prev && prev.paragraph === h.paragraph && prev.number === h.number && ctx.nextContent(prev.last) === i) {
      prev.last = ext.last;
      prev.caseNumber ??= ext.caseNumber;
      if (!prev.title) prev.title = ext.title;
      return;
    }
    if (!ext.title) return;
    out.push({ index: i, last: ext.last, paragraph: h.paragraph, number: h.number, title: ext.title, kind: h.kind ?? ext.kind, caseNumber: ext.caseNumber, scheme: 'paragraph' });
  });
  return out;
}

/** OCR's letters for digits in a heading number ("HHS, Rapport" for "### 5. Rapport"); the sequence decides whether it is one. */
const DIGIT_FOR: Record<string, string> = { S: '5', s: '5', I: '1', l: '1', O: '0', o: '0', Z: '2', B: '8', G: '6' };

function ocrDigits(text: string): [string, string, string] | null {
  const m = /^(?:[#H]{2,4})?([0-9SsIlOoZBG]{1,2})[.,]\s+(\p{Lu}.*)$/u.exec(text);
  if (!m || /^\d+$/.test(m[1]!)) return null;
  return [m[0], [...m[1]!].map((c) => DIGIT_FOR[c] ?? c).join(''), m[2]!];
}

/**
 * Numbered headings form a rising sequence through the document. Lists inside items also count
 * 1, 2, 3, so candidates are weighed: heading marks, bold, a gap before and a title shape raise the
 * weight, a candidate on the line right after another lowers it; the heaviest rising chain wins.
 */
function numberedHeadings(ctx: SegmentContext): Heading[] {
  const cands: Array<{ i: number; n: number; rest: string; w: number; title: number }> = [];
  ctx.lines.forEach((l, i) => {
    if (!ctx.isFree(i)) return;
    const t = l.text.trim();
    // A point's number alone on its line, the title on the next: "3" / "Risk- och väsentlighetsanalys".
    const alone = /^(\d{1,3})\.?$/.exec(t);
    if (alone) {
      const j = ctx.nextContent(i);
      const next = j >= 0 ? ctx.lines[j]!.text.trim() : '';
      if (j < 0 || !ctx.isFree(j) || !isTitleLike(next) || stopsTitle(next) || (isFrontMatter(next) && !ITEM_TITLES.has(labelKey(next)))) return;
      cands.push({ i, n: Number(alone[1]), rest: next, w: 1 + (l.gapBefore ? 1 : 0), title: j });
      return;
    }
    // OCR reads "3." as "3," often enough that a comma counts on OCR'd lines, and it leaves heading marks
    // glued to the number ("X3.", "\"4.", "\"45." for "## 5."): there the last digit is a reading too.
    const m = NUMBERED.exec(t) ?? (l.ocr ? /^["“”'X+#]{0,3}(\d{1,3})[.,]\s+(\S.*)$/.exec(t) ?? ocrDigits(t) : null);
    if (!m) return;
    const rest = m[2]!;
    const readings = [Number(m[1])];
    if (l.ocr && m[1]!.length >= 2 && !NUMBERED.test(t)) readings.push(Number(m[1]!.slice(-1)));
    if (!isTitleLike(rest) && !(rest.endsWith(':') && isTitleLike(rest.slice(0, -1))) && !(l.wrapped && rest.length < 130)) return;
    // "5. Övriga frågor" and "2. Dagordning" are items; only a numbered list of attendee groups is not.
    if (/^att\s/i.test(rest) || groupLabel(rest) !== null || roleHeading(rest.replace(/:$/, '')) !== null) return;
    let w = 1 + (l.heading ? 2 : 0) + (l.bold ? 1 : 0) + (l.gapBefore ? 1 : 0);
    const prev = cands[cands.length - 1];
    if (prev && ctx.prevContent(i) === prev.i && !l.heading) w = 0.2;
    if (l.ocr && /^["“”'X+#]/.test(t)) w += 1; // marks left before the number: a heading
    for (const n of readings) cands.push({ i, n, rest, w, title: i });
  });
  // Heaviest chain of strictly rising numbers (steps of at most 2), by dynamic programming: the best chain ending
  // at each number so far is kept, so each candidate looks back at two entries, not at every earlier candidate.
  const best = cands.map((c) => ({ w: c.w, prev: -1 }));
  const endingAt = new Map<number, number>();
  for (let a = 0; a < cands.length;) {
    // Two readings of one line never follow each other: a line's candidates look back together, then are entered.
    let z = a;
    while (z < cands.length && cands[z]!.i === cands[a]!.i) z++;
    for (let k = a; k < z; k++) {
      for (const step of [1, 2]) {
        const b = endingAt.get(cands[k]!.n - step);
        if (b !== undefined && best[b]!.w + cands[k]!.w > best[k]!.w) best[k] = { w: best[b]!.w + cands[k]!.w, prev: b };
      }
    }
    for (let k = a; k < z; k++) {
      const held = endingAt.get(cands[k]!.n);
      if (held === undefined || best[k]!.w > best[held]!.w) endingAt.set(cands[k]!.n, k);
    }
    a = z;
  }
  let end = -1;
  best.forEach((b, k) => { if (end < 0 || b.w > best[end]!.w) end = k; });
  const chain: number[] = [];
  for (let k = end; k >= 0; k = best[k]!.prev) chain.unshift(k);
  if (chain.length < 2 && !(chain.length === 1 && (ctx.lines[cands[chain[0]!]!.i]!.heading || ctx.lines[cands[chain[0]!]!.i]!.bold))) return [];
  const measure = measureOf(ctx);
  return chain.map((k) => {
    const c = cands[k]!;
    const ext = extendTitle(ctx, c.title, titleParts(c.rest), measure);
    return { index: c.i, last: ext.last, paragraph: null, number: String(c.n), title: ext.title, kind: ext.kind, caseNumber: ext.caseNumber, scheme: 'numbered' as const };
  });
}

const isDateLine = (t: string) => {
  const d = findDates(t);
  return d.length > 0 && t.replace(d[0]!.text, '').replace(/[\s,–-]/g, '').length < 4;
};

function isHeadingCandidate(ctx: SegmentContext, i: number): boolean {
  const l = ctx.lines[i]!;
  const t = l.text.trim();
  if (!ctx.isFree(i) || !isTitleLike(t) || t.endsWith(':') || (isFrontMatter(t) && !ITEM_TITLES.has(labelKey(t))) || isDateLine(t)) return false;
  if (isItemCue(t) || isDecisionHeading(t) || isBodySectionLabel(t) || /^[-–•*]/.test(t) || (/[.!?]$/.test(t) && !endsWithAbbreviation(t))) return false;
  if (l.wrapped) {
    // A wrapped heading continues as a title; a wrapped sentence ends like one.
    const next = ctx.lines[i + 1]?.text.trim() ?? '';
    if (/[.!?]$/.test(next) && !endsWithAbbreviation(next) || t.length + next.length > 140) return false;
  }
  return true;
}

/**
 * Notes without numbers often mark each subject's title in bold or as a heading ("**Medborgardialog 2016**"):
 * a whole line so marked after the front matter is an item heading, whatever its case. Sub-headings inside
 * an item ("Beslut", "Bakgrund") and front-matter labels are not.
 */
function markedHeadings(ctx: SegmentContext, frontEnd: number): Heading[] {
  const out: Heading[] = [];
  for (let i = frontEnd; i < ctx.lines.length; i++) {
    const l = ctx.lines[i]!;
    const t = l.text.trim();
    if (!ctx.isFree(i) || !(l.bold || l.heading > 0) || l.furniture) continue;
    if (t.length < 3 || t.length > 130 || t.split(/\s+/).length > 16 || (/[.;,:]$/.test(t) && !endsWithAbbreviation(t)) || !/^[\p{L}\d"“]/u.test(t)) continue;
    if ((isFrontMatter(t) && !ITEM_TITLES.has(labelKey(t))) || isDateLine(t) || isItemCue(t) || isDecisionHeading(t) || isBodySectionLabel(t)) continue;
    const parts = titleParts(t);
    out.push({ index: i, last: i, paragraph: null, number: null, title: parts.title, kind: parts.kind, caseNumber: parts.caseNumber, scheme: 'cue' });
  }
  return out;
}

/** The standard points of a meeting's order of business, by which unnumbered minutes are recognised. */
const STANDARD_POINT = /^(?:(?:mötets|sammanträdets|stämmans|årsmötets)\s+(?:öppnande|avslutande|avslutning)|(?:val|utseende)\s+av\s+(?:en\s+|två\s+)?(?:justerare|justeringsm\p{L}+|protokolljusterare|sekreterare|ordförande|mötesordförande|rösträknare)\b.*|(?:godkännande\s+av\s+)?dagordning(?:en)?|föregående\s+(?:protokoll|mötes?\s?protokoll|minnesanteckningar)|övriga\s+frågor|nästa\s+(?:möte|sammanträde)|(?:mötet|sammanträdet|mötets)\s+avslutas|avslutning|ekonomi|rapporter|information)$/iu;

/**
 * Minutes without numbers that set each point as a short title line after a blank line with its text right under it
 * ("Val av justerare" / "Sanna Lilja valdes att …"). The shape must recur, and at least two of the titles must be
 * standard points of an order of business, before such lines count as item headings.
 */
function titleBlockHeadings(ctx: SegmentContext, frontEnd: number): Heading[] {
  const out: Heading[] = [];
  for (let i = frontEnd; i < ctx.lines.length; i++) {
    const l = ctx.lines[i]!;
    const t = l.text.trim();
    if (!l.gapBefore || !isHeadingCandidate(ctx, i) || t.length > 70 || t.split(/\s+/).length > 9) continue;
    const next = ctx.nextContent(i);
    if (next < 0 || ctx.lines[next]!.gapBefore || !ctx.isFree(next) || isTitleLike(ctx.lines[next]!.text) && ctx.lines[next]!.text.trim().length < 40) continue;
    const parts = titleParts(t);
    out.push({ index: i, last: i, paragraph: null, number: null, title: parts.title, kind: parts.kind, caseNumber: parts.caseNumber, scheme: 'cue' });
  }
  const standard = out.filter((h) => STANDARD_POINT.test(h.title)).length;
  return out.length >= 3 && standard >= 2 ? out : [];
}

/** Unnumbered headings announced by the next line: "Anteckningar", "Sammanfattning: …". */
function cueHeadings(ctx: SegmentContext, taken: Set<number>): Heading[] {
  const out: Heading[] = [];
  ctx.lines.forEach((_, i) => {
    if (taken.has(i) || !isHeadingCandidate(ctx, i)) return;
    const j = ctx.nextContent(i);
    if (j < 0 || !isItemCue(ctx.lines[j]!.text)) return;
    const parts = titleParts(ctx.lines[i]!.text);
    out.push({ index: i, last: i, paragraph: null, number: null, title: parts.title, kind: parts.kind, caseNumber: parts.caseNumber, scheme: 'cue' });
  });
  return out;
}

/**
 * In notes without numbers, two more shapes start an item: a title standing right before another
 * heading (an item with no notes, "Mötets öppnande"), and a title after a decision clause ends
 * (the previous item's "att …" is over, so a new subject begins).
 */
function impliedHeadings(ctx: SegmentContext, known: Heading[], frontEnd: number): Heading[] {
  const starts = new Set(known.map((h) => h.index));
  const out: Heading[] = [];
  for (let i = frontEnd; i < ctx.lines.length; i++) {
    if (starts.has(i) || !isHeadingCandidate(ctx, i) || !ctx.lines[i]!.gapBefore && !/^\s/.test(ctx.lines[i]!.text)) continue;
    const next = ctx.nextContent(i);
    const prev = ctx.prevContent(i);
    const beforeHeading = next >= 0 && starts.has(next);
    const prevText = prev >= 0 ? ctx.lines[prev]!.text.trim() : '';
    const afterDecision = prev >= 0 && !starts.has(prev) && clauseEndsAt(ctx, prev) && next >= 0 && !starts.has(next) && !isItemCue(ctx.lines[next]!.text);
    if (!beforeHeading && !afterDecision) continue;
    if (beforeHeading && prev >= 0 && isTitleLike(prevText) && !/[.:]$/.test(prevText) && !starts.has(prev) && prev >= frontEnd && !ctx.lines[i]!.gapBefore) continue;
    const parts = titleParts(ctx.lines[i]!.text);
    out.push({ index: i, last: i, paragraph: null, number: null, title: parts.title, kind: parts.kind, caseNumber: parts.caseNumber, scheme: beforeHeading ? 'empty' : 'after-decision' });
    starts.add(i);
  }
  return out;
}

/** Whether line `i` ends an "att …" decision clause (walking back over its wrapped lines). */
function clauseEndsAt(ctx: SegmentContext, i: number): boolean {
  for (let k = i, steps = 0; k >= 0 && steps < 8; k = ctx.prevContent(k), steps++) {
    const t = ctx.lines[k]!.text.trim();
    const before = ctx.prevContent(k);
    const opensClause = ctx.lines[k]!.gapBefore || before < 0 || /[.:]$/.test(ctx.lines[before]!.text.trim());
    if (/^att\s/i.test(t) && opensClause && !(before >= 0 && ctx.lines[before]!.wrapped)) return true;
    if (ctx.lines[k]!.gapBefore) return false;
  }
  return false;
}

export function findHeadings(ctx: SegmentContext, frontEnd: () => number, agenda: readonly AgendaEntry[] = []): Heading[] {
  const sure = paragraphHeadings(ctx);
  const byParagraph = [...sure, ...headingsAtCaseNumbers(ctx, agenda, sure)].sort((a, b) => a.index - b.index);
  if (byParagraph.length >= 1) return byParagraph;
  const numbered = numberedHeadings(ctx);
  const taken = new Set(numbered.flatMap((h) => range(h.index, h.last)));
  const cued = cueHeadings(ctx, taken);
  // Marked titles are the weakest sign: only where neither numbers nor cue lines give the items.
  if (numbered.length === 0 && cued.length === 0) {
    const marked = markedHeadings(ctx, frontEnd());
    if (marked.length >= 2) return marked;
    const blocks = titleBlockHeadings(ctx, frontEnd());
    if (blocks.length) return blocks;
  }
  let all = [...numbered, ...cued].sort((a, b) => a.index - b.index);
  if (cued.length > 0 || numbered.length > 0) {
    const start = Math.min(frontEnd(), all[0]?.index ?? Infinity);
    all = [...all, ...(cued.length ? impliedHeadings(ctx, all, start) : [])].sort((a, b) => a.index - b.index);
  }
  return all;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
