// Items whose "§ N" OCR could not read, found again by the case number their index entry gives.
import type { AgendaEntry } from '../schema/minutes.js';
import { findCaseNumber } from './case-number.js';
import type { SegmentContext } from './context.js';
import type { Heading } from './headings.js';
import { parseAgendaLine } from './agenda.js';
import { isGarbled } from './text.js';
import { isDecisionHeading } from './vocabulary.js';

/** A case number compared by its digits: OCR keeps digits better than the letters and dashes around them. */
const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * An index that pairs a § with a case number ("§179 Dnr KS-2025-00970") says where that item starts even when OCR
 * turned its "§ 179" into "ATG": the first short line after the index that carries the same case number. Only for
 * listed paragraphs no heading was found for; the title is the index's.
 */
export function headingsAtCaseNumbers(ctx: SegmentContext, agenda: readonly AgendaEntry[], found: readonly Heading[]): Heading[] {
  const listed = new Map<number, string>();
  let agendaEnd = -1;
  ctx.lines.forEach((l, i) => {
    if (ctx.zone[i] !== 'agenda') return;
    agendaEnd = i;
    const e = parseAgendaLine(l.text, false);
    const c = findCaseNumber(l.text);
    if (e?.number && c && digitsOf(c.value).length >= 5) listed.set(Number(e.number), digitsOf(c.value));
  });
  const have = new Set(found.map((h) => h.paragraph));
  const out: Heading[] = [];
  for (const [paragraph, digits] of listed) {
    if (have.has(paragraph)) continue;
    const entry = agenda.find((a) => a.number !== null && Number(a.number) === paragraph);
    if (!entry) continue;
    for (let i = agendaEnd + 1; i < ctx.lines.length; i++) {
      const l = ctx.lines[i]!;
      if (l.furniture || !ctx.isFree(i) || l.text.length > 90) continue;
      const c = findCaseNumber(l.text);
      if (!c || digitsOf(c.value) !== digits) continue;
      // The title printed under the case number line is part of the heading, and read from the page itself where it
      // opens as the index's does (the index's copy may have run into the noise of a stamp).
      const below = ctx.nextContent(i);
      const firstWord = entry.title.split(/\s+/)[0]!.toLowerCase();
      const titled = below >= 0 && ctx.isFree(below) && !isGarbled(ctx.lines[below]!) && !isDecisionHeading(ctx.lines[below]!.text)
        && ctx.lines[below]!.text.trim().toLowerCase().startsWith(firstWord);
      const title = titled ? ctx.lines[below]!.text.replace(/\t+/g, ' ').trim() : entry.title;
      out.push({ index: i, last: titled ? below : i, paragraph, number: null, title, kind: null, caseNumber: c.value, scheme: 'paragraph' });
      ctx.note(i, `heading of § ${paragraph} found by its case number in the index`);
      break;
    }
  }
  return out;
}
