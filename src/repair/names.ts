// Guesses the å/ä/ö of a Swedish surname the lexicon does not know, from the elements Swedish
// surnames are built of (Björk-, Grön-, Sjö-, -ström, -sköld …). Only elements whose stripped
// spelling is no Swedish name element of its own are listed: "Grondahl" can only be "Gröndahl",
// while "Backlund" and "Bäcklund" are both names, so bäck is not listed.
import type { Candidate } from './candidates.js';
import { ROLE, type Lexicon } from './lexicon.js';

// stripped → with diacritics; a name may begin with these
const BEGIN: ReadonlyMap<string, string> = new Map([
  ['bjork', 'björk'], ['strom', 'ström'], ['aker', 'åker'], ['lof', 'löf'], ['sjo', 'sjö'], ['gron', 'grön'],
  ['hog', 'hög'], ['nas', 'näs'], ['soder', 'söder'], ['ost', 'öst'], ['stal', 'stål'], ['skold', 'sköld'],
  ['bjorn', 'björn'],
]);
// a name may end with these
const END: ReadonlyMap<string, string> = new Map([
  ['strom', 'ström'], ['skold', 'sköld'], ['gard', 'gård'], ['sjo', 'sjö'], ['lof', 'löf'], ['fjall', 'fjäll'],
  ['hjalm', 'hjälm'], ['stjarna', 'stjärna'],
]);
// plain elements the rest of such a name is often made of, besides dictionary words
const PLAIN = new Set(['berg', 'lund', 'gren', 'dahl', 'dal', 'man', 'son', 'holm', 'kvist', 'qvist', 'quist', 'blad', 'strand', 'borg', 'fors', 'hed', 'vall', 'ling', 'lind', 'lin', 'stam', 'mark', 'vik', 'stedt', 'sten', 'ek', 'rot', 'bom', 'by', 'ander']);
// an end element needs this much in front of it ("Lindgård", not "Edgard")
const MIN_BEFORE_END = 3;

const MIN_REST = 2;
/** True when `rest` can follow a name element: a plain element, a name, or a compound end. */
function plausibleRest(lex: Lexicon, rest: string): boolean {
  return rest.length >= MIN_REST && (PLAIN.has(rest) || (lex.lookup(rest) & (ROLE.END | ROLE.NAME)) !== 0);
}

/**
 * Surname readings of an unknown capitalised word (lowercase in, lowercase out), marked as
 * names so that a capital in mid-sentence does not count against them.
 */
export function nameGuesses(lex: Lexicon, lower: string): Candidate[] {
  if (lower.length < 5 || !/^[a-z]+$/.test(lower)) return [];
  const out = new Set<string>();
  for (const [plain, dia] of BEGIN) {
    if (plain === dia || !lower.startsWith(plain)) continue;
    const rest = lower.slice(plain.length);
    const restEnd = [...END].find(([p]) => rest.endsWith(p) && rest.length > p.length);
    if (plausibleRest(lex, rest)) out.add(dia + rest);
    else if (restEnd) out.add(dia + rest.slice(0, rest.length - restEnd[0].length) + restEnd[1]);
    else if (END.has(rest)) out.add(dia + END.get(rest)!);
  }
  for (const [plain, dia] of END) {
    if (!lower.endsWith(plain) || lower.length - plain.length < MIN_BEFORE_END) continue;
    const rest = lower.slice(0, lower.length - plain.length);
    const restBegin = BEGIN.get(rest);
    out.add((restBegin ?? rest) + dia);
  }
  const count = (f: string): number => [...f].filter((ch) => ch === 'å' || ch === 'ä' || ch === 'ö').length;
  return [...out].filter((f) => f !== lower).map((form) => ({ form, roles: ROLE.NAME | ROLE.PROPER, diacritics: count(form), strong: 0, weak: 0, parts: 1, head: form, first: form, guess: true }));
}
