// Rebuilds a compound whose last part the dictionary does not mark as a compound end: hunspell's
// Swedish list gives "råd", "rådet", "lön" no COMPOUNDEND flag and lists its compounds one by one,
// so "Hälsingerådet" or "Regionrådet" cannot be built from the flags alone.
import type { Candidate } from './candidates.js';
import { generate } from './candidates.js';
import { ROLE, type Lexicon } from './lexicon.js';

const MIN_FIRST = 3;
const MIN_HEAD = 3;
const MAX_RESULTS = 8;
// the head must be a word the corpus knows well: a rare head ("ernå" in "geografi|erna") is more
// likely an inflection of an unknown word than a compound
const MIN_HEAD_COUNT = 5;

/**
 * Splits of a word that the compound flags cannot build into a compound-begin form and any
 * common standalone word, where together they need at least one å/ä/ö put back (a split that
 * needs none would be the word as written, which the lexicon already rejected).
 */
export function looseSplit(lex: Lexicon, lower: string): Candidate[] {
  if (lower.length < MIN_FIRST + MIN_HEAD + 1 || !/^[a-zåäö]+$/.test(lower)) return [];
  const out: Candidate[] = [];
  for (let i = MIN_FIRST; i <= lower.length - MIN_HEAD && out.length < MAX_RESULTS; i++) {
    const firsts = generate(lex, lower.slice(0, i), false).filter((c) => c.parts === 1 && c.roles & ROLE.BEGIN && !c.strong && !(c.roles & ROLE.RARE));
    if (firsts.length === 0) continue;
    const heads = generate(lex, lower.slice(i), false).filter((c) => c.parts === 1 && c.roles & ROLE.WORD && !c.strong && !(c.roles & (ROLE.RARE | ROLE.PROPER | ROLE.CAPS)) && lex.unigram(c.form) >= MIN_HEAD_COUNT);
    for (const f of firsts) {
      for (const h of heads) {
        if (f.diacritics + h.diacritics === 0) continue;
        out.push({ form: f.form + h.form, roles: ROLE.WORD, diacritics: f.diacritics + h.diacritics, strong: 0, weak: 0, parts: 2, head: h.form, first: f.form, loose: true });
      }
    }
  }
  return out;
}
