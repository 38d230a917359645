// Swedish dates and clock times as minutes write them; a date is given only when the year is written.

export const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

export interface FoundDate {
  /** YYYY-MM-DD, or null when the text gives no year. */
  iso: string | null;
  text: string;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const NUMERIC = /\b((?:18|19|20|21)\d{2})-(\d{1,2})-(\d{1,2})\b/g;
const WRITTEN = new RegExp(String.raw`\b(\d{1,2})(?::e|:a)?\s+(${MONTH_NAMES})\.?(?:\s+(\d{4}))?\b`, 'gi');

/** Every date in the text, in order. Written dates without a year keep iso = null. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const iso = validIso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found.push({ iso, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(WRITTEN)) {
    const month = MONTHS[m[2]!.toLowerCase()]!;
    const iso = m[3] ? validIso(Number(m[3]), month, Number(m[1])) : null;
    found.push({ iso, text: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

export interface TimeRange { start: string | null; end: string | null }

const CLOCK = String.raw`([01]?\d|2[0-3])(?:[.:,](\d{2}))?`;
const RANGE = new RegExp(String.raw`(?:kl(?:ockan)?\.?\s*)?\b${CLOCK}\s*(?:[-–—]|till)\s*(?:kl\.?\s*)?${CLOCK}\b`, 'i');
const SINGLE = new RegExp(String.raw`\bkl(?:ockan)?\.?\s*${CLOCK}\b`, 'gi');

const clock = (h: string | undefined, m: string | undefined): string | null => {
  if (h === undefined) return null;
  const hh = Number(h), mm = m === undefined ? 0 : Number(m);
  if (hh > 23 || mm > 59) return null;
  return `${pad(hh)}:${pad(mm)}`;
};

/**
 * Times of a meeting: "08.30-12:00", "kl 09:00-15:00", "kl. 12,00, till 22 augusti, kl. 13.00".
 * Bare numbers are only times with minutes or after "kl", so years and paragraph ranges are not read as clocks.
 */
export function findTimes(text: string): TimeRange {
  const masked = text.replace(NUMERIC, (s) => ' '.repeat(s.length)).replace(/§+\s*\d+\s*[-–]\s*\d+/g, (s) => ' '.repeat(s.length));
  const r = RANGE.exec(masked);
  if (r && (r[2] !== undefined || /kl/i.test(r[0])) && (r[4] !== undefined || /kl/i.test(r[0]))) {
    const start = clock(r[1], r[2]), end = clock(r[3], r[4]);
    if (start && end) return { start, end };
  }
  const singles = [...masked.matchAll(SINGLE)].map((m) => clock(m[1], m[2])).filter((x): x is string => x !== null);
  if (singles.length >= 2) return { start: singles[0]!, end: singles[singles.length - 1]! };
  if (singles.length === 1) return { start: singles[0]!, end: null };
  return { start: null, end: null };
}
