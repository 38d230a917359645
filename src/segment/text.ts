// Shared text predicates for segmentation rules: label keys, name shapes, title shapes, joining lines.
import type { Line } from '../document.js';
import type { SourceRef } from '../schema/minutes.js';

/**
 * A key for matching fixed labels that survives lost or mangled diacritics: vowels (and the OCR
 * glyphs that stand for them) collapse to one class. "Anmalt férhinder:" and "Anmält förhinder" meet.
 */
export function labelKey(s: string): string {
  // Labels are short (the longest is under 40 characters); a longer line can never be one.
  if (s.length > 50) return '\u0000';
  let key = labelCache.get(s);
  if (key === undefined) {
    key = computeLabelKey(s);
    if (labelCache.size > 10_000) labelCache.clear();
    labelCache.set(s, key);
  }
  return key;
}

const labelCache = new Map<string, string>();

const VOWELISH = new Set([...'aeoåäöéèáàóòüøô6&']);
// Quotes count as edge noise too: OCR reads the "**" around a label as quotes.
const TRAILING = new Set([...' \t\n:.;,–—-"”“\'’']);
const LEADING = new Set([...' \t\n#*•-"”“']);

/** One pass over the characters: this runs for most lines of every document, so it avoids regex passes. */
function computeLabelKey(s: string): string {
  const t = s.normalize('NFC').toLowerCase();
  let start = 0;
  let end = t.length;
  while (end > start && TRAILING.has(t[end - 1]!)) end--;
  while (start < end && LEADING.has(t[start]!)) start++;
  let out = '';
  let space = false;
  for (let k = start; k < end; k++) {
    const c = t[k]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') { space = true; continue; }
    if (space && out) out += ' ';
    space = false;
    out += VOWELISH.has(c) ? '*' : c;
  }
  return out;
}

export function keySet(labels: readonly string[]): Set<string> {
  return new Set(labels.map(labelKey));
}

/** The single builder of every element's `source`: the line's page, number and, where the input has positions, box. */
export const ref = (l: Pick<Line, 'page' | 'line'> & { box?: Line['box'] }): SourceRef => ({ page: l.page, line: l.line, box: l.box ?? null });

/** A capitalised word in any Latin script ("Škorić", "Kjærgaard", "Hodžić"), double names included ("Karl-Erik"). */
const FULL_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*`;
/** An initial, with its full stop or, between the given name and the surname, without ("Anna K Berg"). */
const INITIAL = String.raw`\p{Lu}(?:\.|(?=\s+\p{Lu}))`;
const NAME_WORD = String.raw`(?:${FULL_WORD}|${INITIAL}|af|von|van|de|der|den|la|du)`;
/** Words of minutes' labels that stand capitalised before a name and are never a given name. */
const NOT_A_NAME = String.raw`(?!(?:Ordförande|Ordf|Vice|Ledamot|Ledamöter|Ersättare|Tjänstgörande|Sekreterare|Justerare|Justerande|Protokolljusterare|Beslutande|Övriga|Närvarande|Frånvarande|Tjänstepersoner|Tjänstemän|Region|Kommun|Styrelsen|Mötet|Protokoll|Dag|Datum|Paragrafer|Plats|Tid|Sida|Bilaga|Underskrifter|Utses|Ej)\b)`;
/** A personal name: two to four capitalised words (particles allowed inside). */
export const NAME = String.raw`${NOT_A_NAME}${NAME_WORD}(?:\s+${NAME_WORD}){1,3}`;
export const NAME_RE = new RegExp(`^${NAME}$`, 'u');

/** Also accepts names written in capitals ("HERMAN CRESPIN"), as signature blocks do. */
export function isName(s: string): boolean {
  const t = s.trim();
  if (NAME_RE.test(t)) return !/^(?:Region|Kommun|Styrelsen|Mötet|Protokoll|Dag|Datum)\b/.test(t);
  return /^[A-ZÅÄÖÉ]{2,}(?:-[A-ZÅÄÖ]{2,})?(?:\s+[A-ZÅÄÖÉ]{2,}(?:-[A-ZÅÄÖ]{2,})?){1,3}$/u.test(t);
}

/** A short line that reads like a heading: no sentence end, not a clause, not a list point. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 130) return false;
  if (!/^[\p{Lu}\d"“§]/u.test(t)) return false;
  if (/[.;,]$/.test(t) && !endsWithAbbreviation(t)) return false;
  if (/^att\s/i.test(t)) return false;
  if (t.split(/\s+/).length > 16) return false;
  return true;
}

/** "m.m.", "m.fl.", "etc.", "kap." end titles without ending a sentence. */
/**
 * Dot leaders as OCR reads them: "Tilldelningsbeslut .........+sssssssss00sssssnnnnnen 3". A run of ten or more
 * dots, specks and the letters OCR makes of dots (s, n, e, o, 0), starting with dots, before the page number.
 */
const OCR_LEADERS = /\s*[.…·][.…·+sneo0,:;'"’`\s]{9,}(?=\s*\d{0,3}$)/u;

/** Dot leaders OCR read as letters become plain dot leaders again, which contents lines are read with. */
export function withoutOcrLeaders(text: string): string {
  return text.replace(OCR_LEADERS, (run) => (/[+sneo0]/.test(run) ? ' ....... ' : run));
}

/** "3 Beslutande": one digit or letter alone before a capitalised word is a speck OCR read in the margin. */
export function withoutLeadingSpeck(text: string): string {
  return text.trim().replace(/^[\p{L}\d]\s+(?=\p{Lu}\p{Ll}{3})/u, '');
}

/** A line OCR read with a mean word confidence under 30 is mostly noise (a stamp, a signature, a scratch): no title text. */
export function isGarbled(l: Pick<Line, 'confidence'>): boolean {
  return l.confidence !== null && l.confidence < 30;
}

/** A title never ends in a preposition or conjunction: "… nämndeman i Lunds tingsrätt för" goes on. */
export function endsUnfinished(title: string): boolean {
  return /\s(?:för|av|och|i|om|till|med|på|från|inom|samt|gällande|avseende|angående|vid|mot|under|efter|enligt|eller|de|den|det|en|ett)$/i.test(title);
}

export function endsWithAbbreviation(t: string): boolean {
  return /\b(?:m\.\s?fl|m\.\s?m|etc|osv|bl\.\s?a|t\.\s?ex|resp|ca|kap|nr|st|jfr|enl|ang|avs|forts|t\.\s?o\.\s?m|fr\.\s?o\.\s?m)\.\)?$/i.test(t.trim());
}

/** "verksam-" + "heten" is one word broken by the page; "test-" + "och" is a suspended compound and keeps its hyphen. */
export function isHyphenBreak(before: string, after: string): boolean {
  return /\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after) && !/^(?:och|eller|samt|respektive|resp\.|till|som)\b/u.test(after);
}

/** Joins consecutive lines into running text, undoing hyphenation at line ends ("verksam-\nhet"). */
export function joinLines(lines: readonly Pick<Line, 'text'>[]): string {
  // Pieces joined once at the end: growing one string and testing its end made joining n lines cost n² (200,000 lines took minutes).
  const pieces: string[] = [];
  for (const l of lines) {
    const t = l.text.replace(/\t+/g, ' ').trim();
    const last = pieces[pieces.length - 1];
    if (last === undefined) {
      if (t) pieces.push(t);
    } else if (isHyphenBreak(last, t)) {
      pieces[pieces.length - 1] = last.slice(0, -1);
      pieces.push(t);
    } else pieces.push(' ' + t);
  }
  return pieces.join('').trim();
}

/** Splits lines into paragraphs at gaps; a line after a gap, a list mark or a clause start begins a new one. */
export function paragraphs<T extends Line>(lines: readonly T[], startsNew: (l: T) => boolean = () => false): T[][] {
  const out: T[][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (!last || l.gapBefore || startsNew(l)) out.push([l]);
    else last.push(l);
  }
  return out;
}

export const BULLET = /^\s*(?:[-–•·▪◦*]|o(?=\s)|\d+[.)](?=\s))\s+/u;
