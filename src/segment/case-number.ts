// Case numbers (diarienummer) in the shapes case-management systems print them, with or without "Dnr".

/**
 * The number itself: an optional body code before it ("KS ", "KS-", "KS KF/", "DNR:KS/"), the year, a serial, an
 * optional part ("-3", ":2"), and in some systems the body code after it ("2024.113 BUN").
 *   KS 2024/0123 · KS-2025-00970 · VN-2024-00037 · KS KF/2026:6 · KS/2019.12 · BUN 2024/17-3 · 2024.113 BUN · 2024:17
 * Two-digit years appear in older systems ("KS 98/123"). A date (2024-05-28) is not a case number.
 */
const CODE = String.raw`[A-ZÅÄÖ]{1,6}(?:[ -][A-ZÅÄÖ]{1,6})?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const NUMBER = String.raw`(?:(?:${CODE})(?:\s?[/-]\s?|\s|\.)(?:${YEAR}|\d{2})[/.:-]\d{1,6}(?:[-:./]\d{1,4})?|${YEAR}[/.:]\d{1,6}(?:[-:]\d{1,4})?(?:\s[A-ZÅÄÖ]{2,6}\b)?|${YEAR}-\d{5,6}(?:[-:]\d{1,4})?)`;

/** "Dnr KS 2024/0123", "Dnr. 2024:17", "DNR:KS/2019.12", "Diarienummer: BUN 2024/17-3". */
const KEYWORD = String.raw`(?:[Dd][Nn][Rr]|[Dd]iarie(?:nr|nummer|\s?nr)|DIARIENR|[Ää]rende(?:nr|nummer))`;
/** After the keyword a looser shape is safe too: "Dnr 87/041", "Dnr 1234-56". */
const AFTER_KEYWORD = String.raw`(?:${NUMBER}|[A-ZÅÄÖ]{0,6}\s?\d{2,4}[/.-]\d{1,6}(?:[/.:-]\d{1,4})?)`;
const WITH_KEYWORD = new RegExp(String.raw`(?<![\p{L}\d])${KEYWORD}\.?\s*:?\s*(${AFTER_KEYWORD})(?![\p{L}\d/])`, 'u');
/** A case number standing without a keyword must fill its cell or end the text: "§ 8 BUN 2024/17", "KF § 41   KS KF/2026:6". */
const BARE = new RegExp(String.raw`(?:^|\s)(${NUMBER})$`, 'u');
const WHOLE = new RegExp(String.raw`^(?:${KEYWORD}\.?\s*:?\s*(${AFTER_KEYWORD})|(${NUMBER}))$`, 'u');

export interface CaseNumberMatch {
  /** The number as written, without "Dnr". */
  value: string;
  /** Where the match (keyword included) starts and ends in the text. */
  start: number;
  end: number;
}

/** Finds a case number in a heading's text: with a keyword anywhere, without one only at the end. */
export function findCaseNumber(text: string): CaseNumberMatch | null {
  // OCR reads a 1 as l or I and a 0 as O inside numbers ("Dnr 1997:2l2"): read them as digits between digits.
  text = text.replace(/(?<=\d[/.:-]?\d*)[lI](?=\d|\b)|(?<=\d)O(?=\d)/g, (c) => (c === 'O' ? '0' : '1'));
  const k = WITH_KEYWORD.exec(text);
  if (k) return { value: clean(k[1]!), start: k.index, end: k.index + k[0].length };
  const b = BARE.exec(text);
  if (b && !isDate(b[1]!)) {
    const start = b.index + b[0].length - b[1]!.length;
    return { value: clean(b[1]!), start, end: text.length };
  }
  return null;
}


/** The case number a whole cell or line holds, or null. */
export function caseNumberOf(text: string): string | null {
  const m = WHOLE.exec(text.trim());
  const value = m?.[1] ?? m?.[2];
  return value && !isDate(value) ? clean(value) : null;
}

/** Removes the case number from a text, with the separators around it. */
export function withoutCaseNumber(text: string, m: CaseNumberMatch): string {
  return (text.slice(0, m.start) + ' ' + text.slice(m.end)).replace(/\s{2,}/g, ' ').replace(/^[\s,;–-]+|[\s,;–-]+$/g, '').trim();
}

/** A date (2024-05-28) or a span of years ("2024/2025", "2024/25", as in "Läsårstider 2024/2025") is not a case number. */
function isDate(s: string): boolean {
  const t = s.trim();
  if (/^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$/.test(t)) return true;
  const span = /^((?:19|20)\d{2})[/-](\d{2}|\d{4})$/.exec(t);
  return span !== null && (Number(span[2]) === Number(span[1]) + 1 || Number(span[2]) === (Number(span[1]) + 1) % 100);
}
const clean = (s: string) => s.trim().replace(/\s+/g, ' ');
