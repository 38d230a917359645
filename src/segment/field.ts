// Cleans a field value of the marks OCR leaves around it, as item titles are cleaned; what is left of debris is dropped with a warning.
import type { Attendee, Header } from '../schema/minutes.js';
import type { SegmentContext } from './context.js';

/** Loose marks at the end of a value ("Helsingborg -:"), the same rule item titles follow. */
const TRAILING_MARKS = /\s+[^\p{L}\p{N}()[\]?!]{1,4}$/u;
const LEADING_MARKS = /^[^\p{L}\p{N}(["“]{1,4}\s+/u;
/** On an OCR'd line, a lone character after a name is a speck ("GBG 3", "Ale E"). */
const TRAILING_SPECK = /\s+[\p{L}\p{N}]$/u;
/** On an OCR'd line, a colon followed only by short fragments is debris ("Lilla Edet: SEN erg"). */
const DEBRIS_TAIL = /\s*[:;|]\s*(?:\S{1,3}\s*){1,3}$/u;

export interface Cleaned { value: string | null; dropped: boolean }

/**
 * The value without stray marks after it. On OCR'd lines also without marks before it, a lone trailing speck
 * or a colon-led tail of fragments; an OCR'd value left without a word of two letters is debris: null, and
 * `dropped` is set.
 */
export function cleanFieldValue(value: string | null, ocr: boolean): Cleaned {
  if (value === null) return { value, dropped: false };
  let v = value.trim();
  // Typed text: only the loose marks after a value, as after a title ("§§ 4–5" is text, not debris).
  if (!ocr) return { value: v.replace(TRAILING_MARKS, '').trim() || v, dropped: false };
  let before: string;
  do {
    before = v;
    v = v.replace(TRAILING_MARKS, '').replace(LEADING_MARKS, '').replace(DEBRIS_TAIL, '').replace(TRAILING_SPECK, '').trim();
  } while (v !== before);
  if (!/\p{L}{2}/u.test(v)) return { value: null, dropped: true };
  return { value: v, dropped: false };
}

const HEADER_FIELDS = ['title', 'organization', 'body', 'location'] as const;

/** Applies the cleaning to the header's names and each attendee's organisation, warning for each value dropped. */
export function cleanFields(ctx: SegmentContext, header: Header, attendees: Attendee[]): void {
  const ocrAt = (page: number, line: number) => ctx.lines.some((l) => l.page === page && l.line === line && l.ocr);
  const anyOcr = ctx.lines.some((l) => l.ocr);
  for (const field of HEADER_FIELDS) {
    const c = cleanFieldValue(header[field], anyOcr);
    if (c.dropped) ctx.warn('field-debris', `document.${field} "${header[field]}" is only marks left by OCR, so it was left out`);
    header[field] = c.value;
  }
  for (const a of attendees) {
    const c = cleanFieldValue(a.organization, ocrAt(a.source.page, a.source.line));
    if (c.dropped) {
      ctx.warn('field-debris', `the organisation "${a.organization}" of ${a.name} is only marks left by OCR, so it was left out`, ctx.lines.find((l) => l.page === a.source.page && l.line === a.source.line));
    }
    a.organization = c.value;
  }
}
