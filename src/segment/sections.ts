// The sections inside an item, found by their headings: decision, proposal, and the rest (background, yrkanden, expediering).
import type { Line } from '../document.js';
import { isBodySectionLabel, isDecisionHeading } from './vocabulary.js';

/**
 * `decision`: what the body resolved (Beslut, "Nämndens beslut", "Mötet beslutar", "Förslag till beslut i kommunfullmäktige" —
 * the body's own resolution to propose to another). `proposal`: what was put to it (Förslag till beslut, "Arbetsutskottets
 * förslag"), which gives way to a decision section. `other`: everything else. Text before the first heading has no kind.
 */
export type SectionKind = 'decision' | 'proposal' | 'other';

export interface Section {
  kind: SectionKind | null;
  heading: Line | null;
  lines: Line[];
}

/** A rule drawn across the page (`______`) ends a section, as a heading does. */
export const RULE_LINE = /^[_\-–—=.]{6,}$/;

export function sectionKind(text: string): SectionKind | null {
  const t = text.trim().replace(/:$/, '');
  if (RULE_LINE.test(t)) return 'other';
  // "Förslag till beslut på sammanträdet" introduces the motions made at the meeting: not what was resolved.
  if (/^förslag till beslut på sammanträdet$/i.test(t)) return 'other';
  if (/^förslag till beslut (?:i|till)\s+\p{L}/iu.test(t) && t.split(/\s+/).length <= 7) return 'decision';
  if (isDecisionHeading(t)) return /förslag|föreslå/i.test(t) ? 'proposal' : 'decision';
  if (isBodySectionLabel(text)) return 'other';
  return null;
}

/** "Beslut: Nätverket beslutar att …" is a heading and its first line in one: split so both are seen. */
function splitInlineHeading(l: Line): Line[] {
  const m = /^([^:]{3,40}):\s*(\S.*)$/.exec(l.text.trim());
  if (!m || !isDecisionHeading(m[1]!)) return [l];
  return [{ ...l, text: m[1]! }, { ...l, text: m[2]!, gapBefore: false }];
}

/**
 * Splits an item's body at its section headings. A decision heading right under another ("Beslut" / "Kommunfullmäktige
 * beslutar:") opens the clauses of the same section rather than a section of its own.
 */
export function splitSections(body: readonly Line[]): Section[] {
  const out: Section[] = [{ kind: null, heading: null, lines: [] }];
  for (const l of body.flatMap(splitInlineHeading)) {
    const kind = sectionKind(l.text);
    const current = out[out.length - 1]!;
    const opening = current.heading !== null && current.lines.every((x) => sectionKind(x.text) !== null || isIntro(x.text));
    if (kind === null || (kind !== 'other' && current.kind !== null && current.kind !== 'other' && opening)) {
      current.lines.push(l);
      continue;
    }
    out.push({ kind, heading: l, lines: [] });
  }
  return out.filter((s) => s.heading !== null || s.lines.length > 0);
}

/** "Kommunfullmäktige beslutar:", "Kommunstyrelsen föreslår kommunfullmäktige besluta att", "Kommunrevisionen beslutar att ge:". */
export function isIntro(text: string): boolean {
  const t = text.trim();
  return isDecisionHeading(t) || (/(?::|\batt)$/.test(t) && /\b(?:beslut\p{L}*|besluta|föreslår|föreslås)\b/iu.test(t) && t.split(/\s+/).length <= 12);
}
