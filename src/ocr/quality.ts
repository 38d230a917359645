// Judges whether a page's text reads as Swedish: used to tell a real PDF text layer from an old, bad OCR layer.
import { lexicon } from '../repair/lexicon.js';

export interface TextQuality {
  /** Word tokens (letters only, two or more). */
  words: number;
  /** Share of those words the Swedish lexicon knows (0–1). */
  known: number;
  /** Share of all tokens that mix letters with digits or symbols, as OCR garbage does (0–1). */
  junk: number;
  /** å, ä and ö per letter; running Swedish has about 3.5 %, text that lost its diacritics has none. */
  diacritics: number;
  /** One number to compare two readings of the same page: higher is better. */
  score: number;
}

const WORD = /^\p{L}{2,}$/u;
const JUNK = /(?=.*\p{L})(?=.*[\d$#@%&*+=<>|\\^~{}[\]_])/u;

export function textQuality(text: string): TextQuality {
  const lex = lexicon();
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[("'«»“”‘’]+|[)"'«»“”‘’.,;:!?]+$/gu, '')).filter((t) => t !== '');
  let words = 0;
  let known = 0;
  let junk = 0;
  for (const t of tokens) {
    if (WORD.test(t)) {
      words++;
      // Names and rare compounds are unknown in good text too; a capitalised unknown word counts half.
      if (lex.lookup(t.toLowerCase()) !== 0) known++;
      else if (/^\p{Lu}\p{Ll}+$/u.test(t)) known += 0.5;
    } else if (JUNK.test(t)) {
      junk++;
    }
  }
  const letters = [...text].filter((c) => /\p{L}/u.test(c)).length;
  const swedish = [...text].filter((c) => /[åäöÅÄÖ]/.test(c)).length;
  const knownShare = words ? known / words : 0;
  const junkShare = tokens.length ? junk / tokens.length : 0;
  const diacritics = letters ? swedish / letters : 0;
  // Missing diacritics only count where there is enough text to expect them: 150 letters of Swedish hold
  // about five å/ä/ö, and none at all happens by chance less than once in a hundred pages.
  const diacriticPenalty = letters >= 150 && diacritics < 0.005 ? 0.25 : 0;
  return { words, known: knownShare, junk: junkShare, diacritics, score: knownShare - junkShare - diacriticPenalty };
}

/**
 * A text layer is kept without OCR when it reads as ordinary Swedish: most words known, little garbage,
 * diacritics where they are due. Very short layers (a page number, a stamp) are judged by words alone.
 */
export function isPlausibleLayer(q: TextQuality): boolean {
  if (q.words === 0) return false;
  if (q.words < 8) return q.known >= 0.5 && q.junk < 0.3;
  return q.score >= 0.8;
}
