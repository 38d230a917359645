// The extracted document as a flat list of elements, each with an id the review page links by and the text it holds.
import type { Minutes, SourceRef } from '../schema/minutes.js';

export type ElementKind = 'attendee' | 'agenda' | 'item' | 'decision' | 'vote' | 'signature';

export interface Element {
  /** Stable within one document: `a3` is the fourth attendee, `i2d0` the first decision of the third item. */
  id: string;
  kind: ElementKind;
  /** What a person would call it: "Anna Ek (S)", "§ 12 Budget 2024", "decision 1 in § 12". */
  label: string;
  source: SourceRef;
  /** The text the element holds, for finding the lines it runs on over (an item's body, a decision's wording). */
  text: string;
  /** The item a decision or vote belongs to. */
  parent: string | null;
}

const itemName = (item: Minutes['items'][number]): string =>
  item.paragraph !== null ? `§ ${item.paragraph}` : item.number !== null ? `item ${item.number}` : 'item';

export function elementsOf(doc: Minutes): Element[] {
  const out: Element[] = [];
  doc.attendees.forEach((a, k) => {
    const party = a.party ? ` (${a.party})` : '';
    out.push({ id: `a${k}`, kind: 'attendee', label: `${a.name}${party}`, source: a.source, text: [a.name, a.party, a.organization, a.title, a.role, a.note].filter(Boolean).join(' '), parent: null });
  });
  doc.agenda.forEach((e, k) => {
    out.push({ id: `g${k}`, kind: 'agenda', label: `${e.number ? `${e.number} ` : ''}${e.title}`, source: e.source, text: e.title, parent: null });
  });
  doc.items.forEach((item, k) => {
    const id = `i${k}`;
    out.push({ id, kind: 'item', label: `${itemName(item)} ${item.title}`, source: item.source, text: `${item.title}\n${item.body}`, parent: null });
    item.decisions.forEach((d, m) => {
      out.push({ id: `${id}d${m}`, kind: 'decision', label: `decision ${m + 1} in ${itemName(item)}`, source: d.source, text: d.text, parent: id });
    });
    item.votes.forEach((v, m) => {
      const counts = [v.yes !== null ? `${v.yes} yes` : null, v.no !== null ? `${v.no} no` : null, v.abstain !== null ? `${v.abstain} abstaining` : null].filter(Boolean).join(', ');
      out.push({ id: `${id}v${m}`, kind: 'vote', label: `vote in ${itemName(item)}${counts ? `: ${counts}` : ''}`, source: v.source, text: v.outcome ?? '', parent: id });
    });
  });
  doc.signatures.forEach((s, k) => {
    out.push({ id: `s${k}`, kind: 'signature', label: `${s.name}${s.role ? `, ${s.role}` : ''}`, source: s.source, text: s.name, parent: null });
  });
  return out;
}

/** Header fields a line can hold, in the order a reader meets them; the header has no source of its own. */
export function headerValues(doc: Minutes): Array<{ field: string; value: string }> {
  const h = doc.document;
  const fields: Array<[string, string | null]> = [
    ['title', h.title], ['organization', h.organization], ['body', h.body], ['orgNumber', h.orgNumber],
    ['protocolNumber', h.protocolNumber], ['date', h.dateText ?? h.date], ['location', h.location],
    ['startTime', h.startTime], ['endTime', h.endTime],
  ];
  return fields.filter((f): f is [string, string] => f[1] !== null && f[1].trim() !== '').map(([field, value]) => ({ field, value }));
}
