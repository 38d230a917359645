// An index of the items before the items themselves (innehåll, ärendelista): its "§ N" lines are the agenda, not items.
import type { AgendaEntry } from '../schema/minutes.js';
import { caseNumberOf } from './case-number.js';
import type { SegmentContext } from './context.js';
import { parseOcrParagraphHeading, parseParagraphHeading, titleParts } from './item-heading.js';
import { AGENDA_LABELS } from './vocabulary.js';
import { endsUnfinished, labelKey, ref, withoutOcrLeaders } from './text.js';

interface Candidate { index: number; paragraph: number; key: string }

/** Every free line that reads as a "§ N" heading, in document order. */
function candidates(ctx: SegmentContext): Candidate[] {
  const out: Candidate[] = [];
  ctx.lines.forEach((l, i) => {
    if (!ctx.isFree(i)) return;
    let h = parseParagraphHeading(l.text);
    // OCR reads "§790" as "8790": such a reading counts where it continues the numbers before it.
    if (!h && l.ocr) {
      const o = parseOcrParagraphHeading(l.text);
      const prev = out[out.length - 1]?.paragraph;
      if (o && prev !== undefined && o.paragraph! > prev && o.paragraph! <= prev + 2) h = o;
    }
    if (h?.paragraph !== null && h) out.push({ index: i, paragraph: h.paragraph, key: h.number ?? String(h.paragraph) });
  });
  return out;
}

/** Content lines from one index to another, furniture aside. */
function contentBetween(ctx: SegmentContext, from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i < to; i++) if (ctx.lines[i]!.furniture === null) n++;
  return n;
}

/**
 * An index lists the items' numbers before the items come: the first "§ N" that comes back is where the items begin,
 * and the "§ N" lines before it, close together with little or nothing under each, are the index. Its entries become
 * the agenda (with titles from under the numbers, or paired in order when a two-column table came out with its
 * numbers and titles apart), and its lines are claimed so they never become items.
 */
export function findParagraphIndex(ctx: SegmentContext): AgendaEntry[] | null {
  const cands = candidates(ctx);
  const seen = new Set<string>();
  let start = -1;
  for (let k = 0; k < cands.length; k++) {
    if (seen.has(cands[k]!.key)) { start = k; break; }
    seen.add(cands[k]!.key);
  }
  if (start < 1) return null;
  const listed = cands.slice(0, start);
  // One listed number is an index only under its label ("Innehåll", "Ärendelista").
  const labelled = (() => {
    for (let k = ctx.prevContent(listed[0]!.index), n = 0; k >= 0 && n < 3; k = ctx.prevContent(k), n++) if (AGENDA_LABELS.has(labelKey(ctx.lines[k]!.text))) return true;
    return false;
  })();
  if (start < 2 && !labelled) return null;
  const again = new Set(cands.slice(start).map((c) => c.key));
  // Most listed numbers come back as items, and the list is dense: a few lines under each entry at most.
  if (listed.filter((c) => again.has(c.key)).length < listed.length * 0.6) return null;
  const dense = listed.every((c, k) => contentBetween(ctx, c.index, listed[k + 1]?.index ?? cands[start]!.index) <= 4 || k === listed.length - 1);
  if (!dense) return null;
  const end = cands[start]!.index;
  const first = listed[0]!.index;
  const entries = readEntries(ctx, listed, end);
  for (let i = first; i < end; i++) if (ctx.isFree(i)) ctx.claim(i, 'agenda', 'agenda.paragraph-index');
  // Above the index: contents lines of the front matter's own sections ("Tid och plats.....1", "Beslutande 1"), and
  // its label ("Ärendelista", "Innehåll").
  let above = ctx.prevContent(first);
  while (above >= 0 && ctx.isFree(above) && /\S(?:\s*\.{2,}\s*|\t|\s)\d{1,3}$|\p{L}\d{1,3}$/u.test(ctx.lines[above]!.text.trim())) {
    ctx.claim(above, 'agenda', 'agenda.paragraph-index');
    above = ctx.prevContent(above);
  }
  if (above >= 0 && ctx.isFree(above) && AGENDA_LABELS.has(labelKey(ctx.lines[above]!.text))) ctx.claim(above, 'agenda', 'agenda.paragraph-index');
  return entries;
}

/**
 * Titles told apart by their wording only: a line goes on the title before it when it starts in lower case or that
 * title ends in a preposition or conjunction ("… planbesked enligt" / "plan- och bygglagen").
 */
function wordingBlocks(titles: ReadonlyArray<{ index: number; text: string; after: number }>): Array<{ text: string; after: number; last: number }> {
  const out: Array<{ text: string; after: number; last: number }> = [];
  for (const t of titles) {
    const prev = out[out.length - 1];
    if (prev && (/^\p{Ll}/u.test(t.text) || endsUnfinished(prev.text))) {
      prev.text += ' ' + t.text;
      prev.last = t.index;
    } else out.push({ text: t.text, after: t.after, last: t.index });
  }
  return out;
}

/** Title text of an index line or continuation line: no case number, dot leaders or page number. */
function titleText(text: string): string {
  return titleParts(withoutOcrLeaders(text).replace(/\s*(?:\.{2,}|…+)\s*\d{1,3}$/, '').replace(/\t\d{1,3}$/, '')).title.replace(/\s*(?:\.{2,}|…+)$/, '');
}

function readEntries(ctx: SegmentContext, listed: readonly Candidate[], end: number): AgendaEntry[] {
  // Lines of the region that are not § lines: title text, in order, with the § line each follows.
  const titles: Array<{ index: number; text: string; after: number; gapBefore: boolean; caseBefore: boolean }> = [];
  let after = -1;
  let caseBefore = false;
  const lastPage = ctx.lines[listed[listed.length - 1]!.index]!.page;
  for (let i = listed[0]!.index; i < end; i++) {
    const l = ctx.lines[i]!;
    if (l.furniture || !ctx.isFree(i)) continue;
    const k = listed.findIndex((c) => c.index === i);
    if (k >= 0) {
      after = k;
      caseBefore = true;
      const own = titleText(l.text.replace(/^[^§]*§\s*\d+(?:\s?[a-h](?=\s|$))?\s*[.:]?/, '').replace(/^(?:[A-ZÅÄÖ]{1,6}\s+)?8\s?\d{1,4}\s*/, ''));
      // A title on the § line itself may wrap onto the next line; a number alone has its title below.
      caseBefore = !own;
      if (own) titles.push({ index: i, text: own, after: k, gapBefore: true, caseBefore: false });
      continue;
    }
    // After the last entry's page, what follows is no longer the index (a page of other front matter).
    if (after === listed.length - 1 && l.page > lastPage + 1) break;
    if (caseNumberOf(l.text)) { caseBefore = true; continue; }
    const text = titleText(l.text);
    if (!text) continue;
    titles.push({ index: i, text, after, gapBefore: l.gapBefore, caseBefore });
    caseBefore = false;
  }
  // Blocks of title text: a new block after a case number or § line; within one, lines the page width broke.
  const blocks: Array<{ text: string; after: number; last: number }> = [];
  for (const t of titles) {
    const prev = blocks[blocks.length - 1];
    const joins = prev && !t.caseBefore && t.after === prev.after && !/[.!?]$/.test(prev.text) && (/^\p{Ll}/u.test(t.text) || !t.gapBefore);
    if (joins) {
      prev.text += ' ' + t.text;
      prev.last = t.index;
    } else blocks.push({ text: t.text, after: t.after, last: t.index });
  }
  const untitled = listed.filter((_, k) => !blocks.some((b) => b.after === k)).length;
  // Numbers and titles came out apart (a two-column table read column by column, or rows shifted against each other):
  // pair them in order, the titles joined by their wording alone where the rows no longer tell where one ends.
  const byWording = untitled >= 1 && blocks.length !== listed.length ? wordingBlocks(titles) : blocks;
  const paired = untitled >= 1 && byWording.length === listed.length;
  const entries = listed.map((c, k) => ({ c, own: paired ? byWording[k] : blocks.find((b) => b.after === k) }))
    .filter((e): e is { c: Candidate; own: { text: string; after: number; last: number } } => e.own !== undefined);
  // A contents line ends in its page number, after dot leaders or a column gap, or after a plain space when the
  // numbers rise through the list (a title may end in a number of its own: "Årsredovisning 2023").
  const trailing = entries.map((e) => /(?:^|\s|\.)(\d{1,3})$/.exec(ctx.lines[e.own.last]!.text.trim())?.[1]);
  const pages = trailing.filter((n): n is string => n !== undefined).map(Number);
  const rising = pages.length >= entries.length * 0.6 && pages.every((n, k) => k === 0 || n >= pages[k - 1]!);
  return entries.map(({ c, own }, k) => {
    const line = ctx.lines[own.last]!.text.trim();
    const led = /(?:\.{2,}|…|\t)\s*(\d{1,3})$/.exec(line);
    const page = led ? Number(led[1]) : rising && trailing[k] !== undefined ? Number(trailing[k]) : null;
    const title = !led && page !== null ? titleParts(own.text.replace(/\s*\d{1,3}$/, '')).title : own.text;
    return { number: c.key, title, page, source: ref(ctx.lines[c.index]!) };
  });
}
