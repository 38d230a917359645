// What each line of the input became: the start of an element, part of one, a header field, page furniture, or nothing.
import type { Line } from '../document.js';
import type { Minutes } from '../schema/minutes.js';
import type { LineTrace } from '../segment/index.js';
import { elementsOf, headerValues, type Element } from './elements.js';

export type LineUse =
  | { kind: 'start'; element: string }
  | { kind: 'part'; element: string }
  /** A label line right above an element, which the element's reading took in ("Beslutande" over the first attendee). */
  | { kind: 'label'; element: string }
  | { kind: 'header'; field: string }
  /** Read as part of a section without becoming an element of its own (a list's heading, the kind legend). */
  | { kind: 'zone'; zone: string }
  | { kind: 'furniture'; rule: string };

/** "page:line", the key every review structure uses for a physical line. */
export const lineKey = (page: number, line: number): string => `${page}:${line}`;

/** Folds the differences between a line as cleaned and the same words inside a joined element text. */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[*#_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A line's words without a final hyphen, since a word broken over two lines is joined in the element. */
function needle(text: string): string {
  return normalise(text).replace(/[-­]$/, '');
}

const clock = (s: string) => s.replace(/\b(\d{1,2})\.(\d{2})\b/g, '$1:$2');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const before = (a: { page: number; line: number }, b: { page: number; line: number }) => a.page < b.page || (a.page === b.page && a.line <= b.line);

/** Kinds whose reading starts from a label line above them: a group heading, "Dagordning", "Underskrifter", "Beslut". */
const LABELLED = new Set(['attendee', 'agenda', 'signature', 'decision', 'vote']);
/** Segmentation's zones and the elements they hold. */
const ZONE_KINDS: Record<string, string> = { attendees: 'attendee', agenda: 'agenda', signatures: 'signature' };

/**
 * Uses of every physical line (by lineKey). Elements record only the line they start on. What segmentation traced for
 * each cleaned line (its zone, and the item it belongs to) says where the other lines went, when it is given; the
 * words say the rest: a line belongs to the nearest element above it whose text contains the line's words, and a
 * header field to the first line before the first item that holds its value.
 */
export function lineUses(doc: Minutes, lines: readonly Line[], trace?: readonly LineTrace[]): Map<string, LineUse[]> {
  const uses = new Map<string, LineUse[]>();
  const add = (page: number, line: number, use: LineUse) => {
    const key = lineKey(page, line);
    const list = uses.get(key) ?? [];
    if (!list.some((u) => JSON.stringify(u) === JSON.stringify(use))) list.push(use);
    uses.set(key, list);
  };
  const elements = elementsOf(doc);
  const starts = new Map<string, Element[]>();
  for (const e of elements) {
    const key = lineKey(e.source.page, e.source.line);
    starts.set(key, [...(starts.get(key) ?? []), e]);
  }
  // Nearest first: later sources, then the more specific element (a decision before its item).
  const ordered = [...elements].sort((a, b) => b.source.page - a.source.page || b.source.line - a.source.line || Number(a.parent === null) - Number(b.parent === null));
  const texts = new Map(elements.map((e) => [e.id, normalise(e.text)]));
  const holder = (l: Line, accept: (e: Element) => boolean) => {
    const words = needle(l.text);
    return words.length < 2 ? undefined : ordered.find((e) => accept(e) && before(e.source, l) && texts.get(e.id)!.includes(words));
  };
  const firstItem = doc.items[0]?.source ?? null;
  // Whole words only, so a protocol number "9" is not found inside "19"; times match written as 08.30 or 08:30.
  const headers = headerValues(doc).map((h) => ({ ...h, pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(clock(normalise(h.value)))}(?:$|[^\\p{L}\\p{N}])`, 'u') }));
  const claimed = new Set<string>();

  lines.forEach((l, i) => {
    const t = trace?.[i];
    if (l.furniture) {
      add(l.page, l.line, { kind: 'furniture', rule: l.furniture });
      return;
    }
    const here = starts.get(lineKey(l.page, l.line));
    if (here) {
      for (const e of here) add(l.page, l.line, { kind: 'start', element: e.id });
      return;
    }
    if (t && t.item !== null) {
      // Inside an item: its decision or vote when the words are theirs, else the item's text.
      const item = `i${t.item}`;
      const owner = holder(l, (e) => e.parent === item);
      add(l.page, l.line, { kind: 'part', element: owner?.id ?? item });
      return;
    }
    const zoneKind = t?.zone ? ZONE_KINDS[t.zone] : undefined;
    if (t?.zone && zoneKind) {
      const owner = holder(l, (e) => e.kind === zoneKind);
      if (owner) add(l.page, l.line, { kind: 'part', element: owner.id });
      else add(l.page, l.line, { kind: 'zone', zone: t.zone });
      return;
    }
    if (!t) {
      const owner = holder(l, () => true);
      if (owner) {
        add(l.page, l.line, { kind: 'part', element: owner.id });
        return;
      }
    }
    if (firstItem && !before(l, firstItem)) {
      if (t?.zone) add(l.page, l.line, { kind: 'zone', zone: t.zone });
      return;
    }
    const text = clock(normalise(l.text));
    for (const h of headers) {
      if (!claimed.has(h.field) && h.pattern.test(text)) {
        claimed.add(h.field);
        add(l.page, l.line, { kind: 'header', field: h.field });
      }
    }
    if (t?.zone && !uses.has(lineKey(l.page, l.line))) add(l.page, l.line, { kind: 'zone', zone: t.zone });
  });
  labelLines(lines, starts, uses, add);
  return uses;
}

/** A short line nothing else took (or only its zone), right above the first line of a labelled element, is its label. */
function labelLines(lines: readonly Line[], starts: Map<string, Element[]>, uses: Map<string, LineUse[]>, add: (page: number, line: number, use: LineUse) => void): void {
  lines.forEach((l, i) => {
    const own = uses.get(lineKey(l.page, l.line)) ?? [];
    if (l.furniture || own.some((u) => u.kind !== 'zone') || l.text.length > 60) return;
    const next = lines.slice(i + 1).find((n) => !n.furniture && !(n.page === l.page && n.line === l.line));
    const element = next ? starts.get(lineKey(next.page, next.line))?.find((e) => LABELLED.has(e.kind)) : undefined;
    if (!element) return;
    uses.set(lineKey(l.page, l.line), own.filter((u) => u.kind !== 'zone'));
    add(l.page, l.line, { kind: 'label', element: element.id });
  });
}
