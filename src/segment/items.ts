// Builds items from headings: each item's body runs to the next heading; decisions, votes and reservations come from it.
import type { Line } from '../document.js';
import type { Item } from '../schema/minutes.js';
import type { SegmentContext } from './context.js';
import { readDecisions, readReservations, readVotes } from './decisions.js';
import { readResolutions } from './resolutions.js';
import { splitSections } from './sections.js';
import type { Heading } from './headings.js';
import { isHyphenBreak, ref } from './text.js';

/** "Styrelsen beslutade", "Mötet beslutar att": a sentence's opening that heads its clauses, not a printed heading. */
const DECISION_CLAUSE = /\b(?:beslutar|beslutade|beslöt|besluta|föreslår|föreslås besluta)\b/i;

/** Body text keeps paragraphs (blank line between) and joins lines the page width broke. */
export function bodyText(lines: readonly Line[]): string {
  let out = '';
  lines.forEach((l, k) => {
    const t = l.text.replace(/\t+/g, ' ').trim();
    if (k === 0) out = t;
    else if (l.gapBefore) out += '\n\n' + t;
    else if (lines[k - 1]!.wrapped) out = isHyphenBreak(out, t) ? out.slice(0, -1) + t : `${out} ${t}`;
    else out += '\n' + t;
  });
  return out;
}

export function buildItems(ctx: SegmentContext, headings: readonly Heading[], legend: Map<string, string>): Item[] {
  const bodies = headings.map((h, k) => {
    const end = headings[k + 1]?.index ?? ctx.lines.length;
    const body: Line[] = [];
    for (let i = h.index; i < end; i++) if (i <= h.last || ctx.isFree(i)) ctx.item[i] = k;
    for (let i = h.last + 1; i < end; i++) if (ctx.isFree(i)) body.push(ctx.lines[i]!);
    return body;
  });
  // Minutes that never head a decision (associations, notes) report each resolution in a sentence of its own. A clause
  // that opens a list of att-clauses ("Styrelsen beslutade") is no heading the template prints: an item without one
  // still reports its resolutions in sentences ("Dagordningen godkändes.").
  const decisionSections = bodies.map((b) => splitSections(b).filter((s) => s.kind === 'decision' || s.kind === 'proposal'));
  const headed = decisionSections.some((secs) => secs.some((s) => !s.heading || !DECISION_CLAUSE.test(s.heading.text)));
  return headings.map((h, k) => {
    const body = bodies[k]!;
    const heading = ctx.lines[h.index]!;
    let kind = h.kind;
    if (kind && legend.size && !legend.has(kind)) {
      ctx.warn('item-kind-unknown', `kind code "(${kind})" is not in the document's legend`, heading);
      kind = null;
    }
    return {
      paragraph: h.paragraph,
      number: h.number,
      title: h.title,
      kind,
      caseNumber: h.caseNumber,
      body: bodyText(body),
      decisions: headed || decisionSections[k]!.length ? readDecisions(body) : readResolutions(body),
      votes: readVotes(body),
      reservations: readReservations(body),
      source: ref(heading),
    };
  });
}
