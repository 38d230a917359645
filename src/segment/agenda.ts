// Finds the agenda: a "Dagordning"/"Agenda" list, or a table of contents whose lines end in page numbers.
import type { Line } from '../document.js';
import type { AgendaEntry } from '../schema/minutes.js';
import type { SegmentContext } from './context.js';
import { AGENDA_LABELS, SECTION_LABELS, groupLabel } from './vocabulary.js';
import { findDates } from './dates.js';
import { findParagraphIndex } from './index-list.js';
import { caseNumberOf } from './case-number.js';
import { endsUnfinished, isGarbled, labelKey, ref, withoutOcrLeaders } from './text.js';

/** "§784 Mötets öppnande ..... 4", "3. Budget\t12", "Tid och plats.....1" */
const TOC_LINE = /^(.*?\S)(?:\s*\.{2,}\s*|\s*…+\s*|\t+\s*|\s+|(?<=\p{L}))(\d{1,3})$/u;
const NUMBERED = /^(?:§\s*(\d+)|(?:(?:ärende|punkt)\s+)?(\d{1,3})(?:[.):]|(?<=(?:ärende|punkt)\s+\d{1,3})(?=\s)))\s*(.*)$/i;
/** A trailing kind code such as "(I)" or "(B)", defined by a legend in the document; OCR reads "(I)" as "(1)" or "(l)". */
const KIND_SUFFIX = /\s*\(([A-ZÅÄÖ1l|])\)\s*$/;

export interface ParsedEntry { number: string | null; title: string; page: number | null; kind: string | null }

/** OCR reads "§ 180" as "S 180" or "S$ 179": before a case number ("S 180 Dnr KS-2026-00174") it can be nothing else. */
const OCR_SIGN_BEFORE_CASE = /^(?:S\$|\$S|S|§)\s?(?=\d{1,4}\s+(?:Dnr|DNR|Diarienr)\b)/;

export function parseAgendaLine(text: string, withPage: boolean): ParsedEntry | null {
  let t = withoutOcrLeaders(text.trim().replace(/^[-–•·*]\s+/, '').replace(OCR_SIGN_BEFORE_CASE, '§'));
  let page: number | null = null;
  if (withPage) {
    const m = TOC_LINE.exec(t);
    if (!m) return null;
    t = m[1]!.replace(/\.{2,}$/, '').trim();
    page = Number(m[2]);
  }
  t = t.replace(/\s*\.{2,}\s*$/, '').trim();
  let number: string | null = null;
  const n = NUMBERED.exec(t);
  if (n) {
    number = n[1] ?? n[2] ?? null;
    t = n[3]!.trim();
  }
  let kind: string | null = null;
  const k = KIND_SUFFIX.exec(t);
  if (k) {
    kind = /[1l|]/.test(k[1]!) ? 'I' : k[1]!;
    t = t.slice(0, k.index).trim();
  }
  if (!t) return null;
  return { number, title: t, page, kind };
}

const isDayLine = (t: string) => findDates(t).some((d) => d.text.length >= t.trim().length - 2) || /^(?:dag \d+|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\b.{0,20}$/i.test(t.trim());

export function findAgenda(ctx: SegmentContext): AgendaEntry[] {
  return findParagraphIndex(ctx) ?? agendaUnderHeading(ctx) ?? tableOfContents(ctx) ?? [];
}

/** A contents line ends in its page number: after dot leaders, a column gap, or a space. */
const PAGE_AT_END = /\S(?:\s*\.{2,}\s*|\s*…+\s*|\t|\s+)\d{1,3}$/;

/**
 * A heading line "Dagordning"/"Agenda"/"Innehåll" followed by entries, up to the next section. A contents list (most
 * lines ending in page numbers) runs on over a page break, and an entry without a page number wraps into the next
 * line that has one ("Diskussion om … 2024" / "för Eksta Bostads AB … 4").
 */
function agendaUnderHeading(ctx: SegmentContext): AgendaEntry[] | null {
  const start = ctx.lines.findIndex((l, i) => ctx.isFree(i) && AGENDA_LABELS.has(labelKey(l.text)));
  if (start < 0) return null;
  const rows: number[] = [];
  const days: number[] = [];
  for (let j = start + 1; j < ctx.lines.length; j++) {
    const l = ctx.lines[j]!;
    if (l.furniture) {
      // A page break ends the list, unless the next page goes on with contents lines.
      const next = ctx.nextContent(j);
      const toc = rows.length > 0 && rows.filter((k) => PAGE_AT_END.test(ctx.lines[k]!.text.trim())).length >= rows.length * 0.6;
      if (rows.length && !(toc && next >= 0 && PAGE_AT_END.test(ctx.lines[next]!.text.trim()))) break;
      continue;
    }
    if (ctx.zone[j] !== null) break;
    const t = l.text.trim();
    if (SECTION_LABELS.has(labelKey(t)) || groupLabel(t)) break;
    // A list that is no contents list ends with its page, even where OCR left the next page's header unmarked.
    const previous = rows[rows.length - 1];
    if (previous !== undefined && ctx.lines[previous]!.page !== l.page && !PAGE_AT_END.test(t)) break;
    if (isDayLine(t)) { days.push(j); continue; }
    if (isGarbled(l)) continue;
    if (t.length > 160 || (/[.!?]$/.test(t) && !/\b(?:m\.fl|m\.m|etc)\.\)?$/.test(t))) break;
    if (!parseAgendaLine(t, false)) break;
    rows.push(j);
  }
  const toc = rows.filter((k) => PAGE_AT_END.test(ctx.lines[k]!.text.trim())).length >= Math.max(2, rows.length * 0.6);
  const entries: AgendaEntry[] = [];
  const claimed: number[] = [start, ...days];
  let firstTitle: string | null = null;
  for (let r = 0; r < rows.length; r++) {
    const j = rows[r]!;
    let text = ctx.lines[j]!.text.trim();
    let last = r;
    // A line the page width broke goes on in the next; in a contents list, until a line with a page number.
    // A contents line that ends in its page number is whole, whatever the page width did.
    const ends = (k: number) => toc && PAGE_AT_END.test(ctx.lines[rows[k]!]!.text.trim());
    while (last + 1 < rows.length && ((ctx.lines[rows[last]!]!.wrapped && !ends(last)) || (toc && !ends(last))) && text.length < 250) {
      text += ' ' + ctx.lines[rows[++last]!]!.text.trim();
    }
    const withPage = toc && TOC_LINE.test(text);
    const e = parseAgendaLine(text, withPage) ?? parseAgendaLine(text, false);
    if (!e) break;
    // "§179 Dnr KS-2025-00970" over "Markanvisningstävling för Aranäs etapp 4": the title is the row below.
    if (e.number && caseNumberOf(e.title) && last + 1 < rows.length) {
      const below = parseAgendaLine(ctx.lines[rows[last + 1]!]!.text, false);
      if (below && !below.number) {
        e.title = below.title;
        last++;
        while (last + 1 < rows.length && (ctx.lines[rows[last]!]!.wrapped || endsUnfinished(e.title)) && !parseAgendaLine(ctx.lines[rows[last + 1]!]!.text, false)?.number) {
          e.title += ' ' + ctx.lines[rows[++last]!]!.text.trim();
        }
      }
    }
    if (firstTitle !== null && e.title === firstTitle) break; // the notes restate the first entry: the agenda is over
    firstTitle ??= e.title;
    entries.push({ number: e.number, title: e.title, page: e.page, source: ref(ctx.lines[j]!) });
    for (let k = r; k <= last; k++) claimed.push(rows[k]!);
    r = last;
  }
  if (!entries.length) return null;
  for (const k of claimed) ctx.claim(k, 'agenda', 'agenda.under-heading');
  return entries;
}

/**
 * Three or more consecutive lines ending in page numbers form a table of contents. Its numbered
 * entries (§ or 1.) are the agenda; unnumbered ones that name front-matter sections are not.
 */
function tableOfContents(ctx: SegmentContext): AgendaEntry[] | null {
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    const run: number[] = [];
    for (let j = i; j < lines.length; j++) {
      if (lines[j]!.furniture) continue;
      if (!ctx.isFree(j)) break;
      const t = lines[j]!.text.trim();
      // An entry has a title before its page number: "§ 45" alone is an item's heading after the table.
      const toc = TOC_LINE.exec(t);
      const isEntry = toc !== null && /\p{L}/u.test(toc[1]!) && /(?:\.{2,}|\t|\s)\s*\d{1,3}$|\p{L}\d{1,3}$/u.test(t);
      // Inside a run, a numbered entry whose page number OCR lost (or moved) still belongs, if the run goes on after it.
      const next = ctx.nextContent(j);
      const bridged = !isEntry && run.length >= 2 && /^(?:§\s*)?\d+[.)]?\s+\S/.test(t) && next >= 0 && TOC_LINE.test(lines[next]!.text.trim());
      if (!isEntry && !bridged) break;
      run.push(j);
    }
    const parsed = run.map((j) => ({ j, e: parseAgendaLine(lines[j]!.text, true) ?? parseAgendaLine(lines[j]!.text, false) }));
    restoreOcrParagraphSigns(parsed.map((p) => p.e), run.map((j) => lines[j]!));
    const numbered = parsed.filter((p) => p.e?.number);
    // Page numbers in a table of contents never go down.
    const pages = parsed.map((p) => p.e?.page).filter((n): n is number => n !== null && n !== undefined);
    const pagesRise = pages.every((n, k) => k === 0 || n >= pages[k - 1]!);
    if (run.length >= 3 && pagesRise && (numbered.length >= 2 || run.length >= 4)) {
      for (const j of run) ctx.claim(j, 'agenda', 'agenda.table-of-contents');
      const keep = numbered.length >= 2 ? numbered : parsed.filter((p) => p.e && !SECTION_LABELS.has(labelKey(p.e.title)) && !groupLabel(p.e.title));
      return keep.map(({ j, e }) => ({ number: e!.number, title: e!.title, page: e!.page, source: ref(lines[j]! as Line) }));
    }
    if (run.length) i = run[run.length - 1]!;
  }
  return null;
}

/** On OCR'd lines "§794" can come out as "8794": inside a run of § entries, a number that continues the run is a §. */
function restoreOcrParagraphSigns(entries: Array<ParsedEntry | null>, lines: readonly Line[]): void {
  entries.forEach((e, k) => {
    if (!e || e.number || !lines[k]!.ocr) return;
    const m = /^8\s?(\d{2,4})\s+(.*)$/.exec(e.title);
    const prev = entries.slice(0, k).reverse().find((x) => x?.number)?.number;
    if (m && prev && Number(m[1]) === Number(prev) + 1) {
      e.number = m[1]!;
      e.title = m[2]!.trim();
    }
  });
}

/** A legend of kind codes ("B beslut", "I information"): claimed so it does not end up in an item. */
export function findKindLegend(ctx: SegmentContext): Map<string, string> {
  const legend = new Map<string, string>();
  ctx.lines.forEach((l, i) => {
    const m = /^([A-ZÅÄÖ])\s*(?:\t|\s+[-–=:]?\s*)(beslut|information|plan|rekommendation|uppföljning|yttrande|diskussion|anmälan|delgivning|val|remiss|förslag)$/i.exec(l.text.trim());
    if (m && ctx.isFree(i)) {
      legend.set(m[1]!, m[2]!.toLowerCase());
      ctx.claim(i, 'legend', 'agenda.kind-legend');
    }
  });
  return legend.size >= 2 ? legend : new Map();
}
