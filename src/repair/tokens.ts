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
const SPACE = /\S+/g;

export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  SPACE.lastIndex = 0;
  for (let m = SPACE.exec(line); m; m = SPACE.exec(line)) {
    const text = m[0];
    const plain = PLAIN.exec(text);
    if (plain) {
      const core = plain[1]!, suffix = plain[2]!;
      // "kommun.se" has no space, so a plain word with a dot can be no web address
      out.push({ start: m.index, text, prefix: '', core, suffix, parts: [core], protectedToken: false });
      continue;
    }
    const prefix = LEAD.exec(text)?.[0] ?? '';
    let rest = text.slice(prefix.length);
    const suffix = TRAIL.exec(rest)?.[0] ?? '';
    rest = rest.slice(0, rest.length - suffix.length);
    const core = rest;
    const protectedToken = core === '' || URLISH.test(text) || /[_=#$%+\\<>{}]/.test(core) || /^\p{Ll}+\p{Lu}/u.test(core);
    out.push({ start: m.index, text, prefix, core, suffix, parts: core.split(/([^\p{L}\d|&'’]+)/u), protectedToken });
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
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return lower.toUpperCase();
  const first = [...original].find((c) => /\p{L}/u.test(c)) ?? '';
  const lowerFirst = [...original][0] ?? '';
  if (first && first !== first.toLowerCase() && lowerFirst !== '') {
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
  return lower;
}
