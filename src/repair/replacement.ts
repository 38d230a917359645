// U+FFFD where an encoding conversion destroyed å/ä/ö and §: each word is restored to the Swedish form it can be.
import { ROLE, lexicon } from './lexicon.js';

const MARK = '\uFFFD';
const LETTERS = ['å', 'ä', 'ö'];

/**
 * "Sammantr\uFFFDdesprotokoll" → "Sammanträdesprotokoll", "\uFFFD 12" → "§ 12". A word takes the filling of its marks
 * that the lexicon knows best (by corpus count); a word it cannot know (a name) gets ä, the commonest of the three.
 * A mark standing before a number, or alone before one, was a §. Lines keep their length, so repairs still point at
 * the right tokens.
 */
export function restoreReplacementChars(line: string): { text: string; words: Array<{ from: string; to: string }> } {
  if (!line.includes(MARK)) return { text: line, words: [] };
  const words: Array<{ from: string; to: string }> = [];
  let text = line.replace(/\uFFFD{1,2}(?=\s?\d)/g, (m) => {
    words.push({ from: m, to: '§'.repeat(m.length) });
    return '§'.repeat(m.length);
  });
  text = text.replace(/[\p{L}\uFFFD]*\uFFFD[\p{L}\uFFFD]*/gu, (word, offset: number, all: string) => {
    // A sentence's first word, or a name, opens with a capital.
    const opens = /^\s*$|[.!?:]\s*$|\t\s*$|§+\s*\d+\s*$|^\s*\d{1,3}[.)]?\s*$/.test(all.slice(0, offset));
    const best = bestFilling(word, opens);
    words.push({ from: word, to: best });
    return best;
  });
  return { text, words };
}

function bestFilling(word: string, opens: boolean): string {
  const marks = [...word].filter((c) => c === MARK).length;
  if (marks > 4) return word.replaceAll(MARK, 'ä');
  const lex = lexicon();
  let best = { form: word.replaceAll(MARK, 'ä'), score: -1 };
  const upper = word.replaceAll(MARK, '') === word.replaceAll(MARK, '').toUpperCase() && /\p{Lu}/u.test(word);
  for (let n = 0; n < 3 ** marks; n++) {
    let k = n;
    const form = word.replace(/\uFFFD/g, () => { const c = LETTERS[k % 3]!; k = Math.floor(k / 3); return c; });
    const lower = form.toLowerCase();
    const score = lex.lookup(lower) ? 1 + lex.unigram(lower) : 0;
    if (score > best.score) best = { form, score };
  }
  // A mark in a word in capitals stands for a capital; one opening a word does where a sentence or a name begins.
  let out = best.form;
  if (upper) out = out.toUpperCase();
  else if (word.startsWith(MARK) && word.length > 1 && (opens || (lex.lookup(out.toLowerCase()) & (ROLE.PROPER | ROLE.NAME)) !== 0)) out = out[0]!.toUpperCase() + out.slice(1);
  return out;
}
