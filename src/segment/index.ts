// The segment stage: cleaned lines → header, attendees, agenda, items and signatures, each rule in its own module.
import type { Line } from '../document.js';
import type { AgendaEntry, Attendee, Header, Item, Signature, Warning } from '../schema/minutes.js';
import { findAgenda, findKindLegend } from './agenda.js';
import { claimAppendices } from './appendix.js';
import { findAttendanceList } from './attendance-list.js';
import { assignRole, findAttendees } from './attendees.js';
import { SegmentContext } from './context.js';
import { findHeadings } from './headings.js';
import { cleanFields } from './field.js';
import { emptyHeader, readHeader } from './header.js';
import { buildItems } from './items.js';
import { isMinutes, minutesEvidence, swedishShare } from './evidence.js';
import { findEarlySignatures, findSignatureLines, mergeSignatures } from './signatures.js';

export interface Segmented {
  document: Header;
  attendees: Attendee[];
  agenda: AgendaEntry[];
  items: Item[];
  signatures: Signature[];
  warnings: Warning[];
  /** Per cleaned line: the zone and rule that claimed it and the item it belongs to (for `explain`). */
  trace: LineTrace[];
}

export interface LineTrace { zone: string | null; rule: string | null; item: number | null; notes: string[] }

export function segment(lines: readonly Line[]): Segmented {
  const ctx = new SegmentContext(lines);
  const legend = findKindLegend(ctx);
  const agenda = findAgenda(ctx);
  // Attendee lists belong to the front matter: before the first "§ N" heading, when there is one.
  const firstParagraph = lines.findIndex((l, i) => ctx.isFree(i) && /^(?:[A-ZÅÄÖ]{1,6}\s*)?§\s*\d+(?![\d-–])/.test(l.text.trim()));
  const front = firstParagraph >= 0 ? firstParagraph : lines.length;
  const early = findEarlySignatures(ctx);
  const attendees = findAttendees(ctx, front);
  for (const a of findAttendanceList(ctx, front)) if (!attendees.some((x) => x.name === a.name)) attendees.push(a);
  const signatures = mergeSignatures([...early, ...findSignatureLines(ctx)]);
  claimAppendices(ctx, firstParagraph);
  const frontEnd = () => {
    let last = 0;
    ctx.zone.forEach((z, i) => { if (z === 'attendees' || (z === 'agenda' && i < front)) last = i + 1; });
    return last;
  };
  const headings = findHeadings(ctx, frontEnd, agenda);
  for (const h of headings) for (let i = h.index; i <= h.last; i++) ctx.claim(i, 'heading', `items.heading-${h.scheme}`);
  const items = buildItems(ctx, headings, legend);
  for (const s of signatures) if (s.role) assignRole(attendees, s.name, s.role);

  const headerEnd = headings[0]?.index ?? lines.length;
  const hasStructure = attendees.length > 0 || items.length > 0 || signatures.length > 0;
  // Minutes are told by their vocabulary, not by one rule's finding: a protocol whose items no rule found is still a
  // protocol (with its header), and a README with a numbered list is not one.
  const evidence = minutesEvidence(lines);
  if (!isMinutes(evidence, hasStructure, swedishShare(lines))) {
    const found = evidence.length ? `only ${evidence.map((e) => `"${e}"`).join(', ')}` : 'none of its words';
    ctx.warn('not-minutes', `the text does not read as meeting minutes: of the vocabulary of minutes (protokoll, sammanträde, justera, närvarande, beslutande, §, paragrafer …) it has ${found}`);
    const trace = lines.map(() => ({ zone: null, rule: null, item: null, notes: [] }));
    return { document: emptyHeader(), attendees: [], agenda: [], items: [], signatures: [], warnings: ctx.warnings, trace };
  }
  // Text that is not minutes gets no header fields either: a CSV's first date is not a meeting date.
  const document = readHeader(ctx, Math.min(headerEnd, firstParagraph >= 0 ? firstParagraph : headerEnd), true);
  if (!items.length) ctx.warn('no-items', `no agenda items (§ or numbered headings) were found, though the text reads as minutes (${evidence.join(', ')})`);
  cleanFields(ctx, document, attendees);
  if (document.dateText && !document.date) {
    ctx.warn('date-without-year', `the meeting date "${document.dateText}" gives no year, so no date is set`);
  }
  const trace = lines.map((_, i) => ({ zone: ctx.zone[i] ?? null, rule: ctx.rule[i] ?? null, item: ctx.item[i] ?? null, notes: ctx.notes[i] ?? [] }));
  return { document, attendees, agenda, items, signatures, warnings: ctx.warnings, trace };
}
