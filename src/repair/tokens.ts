// Splits lines into whitespace-separated tokens and tokens into repairable word parts, leaving
// alone what must never change: URLs, e-mail addresses, numbers and identifiers.

export interface Token {
  /** index of the token's first character in its line */
  start: number;
  text: string;
  /** leading punctuation, the repairable core, trailing punctuation: prefix + core + suffix = text */
  prefix: string;
  core: string;
  suffix: string;
  /** core split at runs of characters that cannot be in a word (hyphens, slashes, ** …);
   * separators kept at odd indices */
  parts: string[];
  /** true when no character of the token may change */
  protectedToken: boolean;
}

const LEAD = /^["'“”‘’«»(\[{<*•·–—-]+/u;
const TRAIL = /["'“”’»)\]}>.,;:!?…*]+$/u;
const URLISH = /(:\/\/|^www\.|@|\.(se|nu|com|org|net|eu|io|gov|pdf|docx?|xlsx?)$)/i;

// most tokens are a plain word, perhaps with one closing mark: they need none of the checks below
const PLAIN = /^(\p{Ll}+|\p{Lu}\p{Ll}*)([.,;:]?)$/u;

// JavaScript's \s: a token is a run of anything else
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
// small letters a–z, å, ä, ö, é: the common case of PLAIN, told without a regex
const small = (c: number): boolean => (c >= 97 && c <= 122) || c === 0xe5 || c === 0xe4 || c === 0xf6 || c === 0xe9;

/**
 * Length of the core when `text` is a plain word (what PLAIN matches) made of the usual letters,
 * -1 when it is not (or not surely: the caller then asks PLAIN).
 */
function plainCore(text: string): number {
  const n = text.length;
  let end = n;
  const last = text.charCodeAt(n - 1);
  if (last === 46 || last === 44 || last === 59 || last === 58) end--;
  if (end === 0) return -1;
  const c0 = text.charCodeAt(0);
  if (!small(c0) && !((c0 >= 65 && c0 <= 90) || c0 === 0xc5 || c0 === 0xc4 || c0 === 0xd6)) return -1;
  for (let i = 1; i < end; i++) if (!small(text.charCodeAt(i))) return -1;
  return end;
}

export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(line.charCodeAt(i))) i++;
    const text = line.slice(start, i);
    const pc = plainCore(text);
    if (pc > 0) {
      // "kommun.se" has no space, so a plain word with a dot can be no web address
      const core = pc === text.length ? text : text.slice(0, pc);
      out.push({ start, text, prefix: '', core, suffix: pc === text.length ? '' : text.slice(pc), parts: [core], protectedToken: false });
      continue;
    }
    const plain = PLAIN.exec(text);
    if (plain) {
      const core = plain[1]!, suffix = plain[2]!;
      out.push({ start, text, prefix: '', core, suffix, parts: [core], protectedToken: false });
      continue;
    }
    const prefix = LEAD.exec(text)?.[0] ?? '';
    let rest = text.slice(prefix.length);
    const suffix = TRAIL.exec(rest)?.[0] ?? '';
    rest = rest.slice(0, rest.length - suffix.length);
    const core = rest;
    const protectedToken = core === '' || URLISH.test(text) || /[_=#$%+\\<>{}]/.test(core) || /^\p{Ll}+\p{Lu}/u.test(core);
    out.push({ start, text, prefix, core, suffix, parts: core.split(/([^\p{L}\d|&'’]+)/u), protectedToken });
  }
  return out;
}

/** Kinds of word part the repair rules care about. */
export type PartKind = 'word' | 'acronym-I' | 'number' | 'other';

// digits that OCR makes of letters, only when letters surround them
const GLYPH_IN_WORD = /^\p{L}*[6&]?\p{L}*[6&]?\p{L}+$|^\p{L}+[6&]\p{L}*$/u;

const WORD = /^\p{L}+$/u;
const ACRONYM_I = /^[|1l][A-ZÅÄÖ]{1,4}$/u;

export function partKind(part: string): PartKind {
  if (part === '') return 'other';
  if (WORD.test(part)) return part.length <= 5 && ACRONYM_I.test(part) ? 'acronym-I' : 'word';
  if (ACRONYM_I.test(part)) return 'acronym-I';
  if (/\p{L}/u.test(part) && GLYPH_IN_WORD.test(part) && /[6&]/.test(part) && /\p{L}{2}/u.test(part)) return 'word';
  if (/^[\d.,:]+$/.test(part)) return 'number';
  return 'other';
}

/** Puts the case pattern of `original` onto `lower` (HOGANAS → HÖGANÄS, Asa → Åsa). */
export function applyCase(original: string, lower: string): string {
  // the usual part is letters a–z, å, ä, ö, é in either case: its pattern is read off directly
  let upper = 0, i = 0;
  for (; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 0xc5 || c === 0xc4 || c === 0xd6 || c === 0xc9) upper++;
    else if (!small(c)) break;
  }
  if (i === original.length) {
    const c0 = original.charCodeAt(0);
    if (upper === 0 || !((c0 >= 65 && c0 <= 90) || c0 === 0xc5 || c0 === 0xc4 || c0 === 0xd6 || c0 === 0xc9)) {
      // no capital, or only capitals after a small first letter ("iPhone"): the all-caps rule
      // still applies when every letter is a capital, which needs a capital first
      return lower;
    }
    if (upper === original.length && original.length >= 2) return lower.toUpperCase();
    return capitalFirst(original, lower);
  }
  return applyCaseSlow(original, lower);
}

function applyCaseSlow(original: string, lower: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return lower.toUpperCase();
  const first = [...original].find((c) => /\p{L}/u.test(c)) ?? '';
  const lowerFirst = [...original][0] ?? '';
  if (first && first !== first.toLowerCase() && lowerFirst !== '') return capitalFirst(original, lower);
  return lower;
}

/** The case pattern of a word with a capital first letter (and not all capitals). */
function capitalFirst(original: string, lower: string): string {
  // capital first letter, rest as written when lengths allow
  if (lower.length === original.length) {
    let s = '';
    for (let i = 0; i < lower.length; i++) {
      const o = original[i]!, l = lower[i]!;
      s += o !== o.toLowerCase() ? l.toUpperCase() : l;
    }
    if (s[0] === s[0]!.toLowerCase()) s = s[0]!.toUpperCase() + s.slice(1);
    return s;
  }
  return lower[0]!.toUpperCase() + lower.slice(1);
}
