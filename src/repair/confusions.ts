// The OCR confusion model for å/ä/ö: which glyphs OCR makes of them and how surely a glyph stands for one, counted
// from OCR output aligned with ground truth (scripts/confusions/build.mjs → data/ocr-confusions.json).
import { readFileSync } from 'node:fs';

export interface ConfusionData {
  /** glyph as read (one or two characters, case kept) → letter → how often, and P(letter | glyph inside a word) */
  substitutions: Record<string, Record<string, { count: number; p: number }>>;
}

export interface ConfusionModel {
  /** glyphs (one or two characters) that mostly stand for å/ä/ö where they occur inside a word (é, 6, &…): strong evidence */
  strong1: Record<string, string[]>;
  strong2: Record<string, string[]>;
  /** glyphs that are usually themselves but were seen for å/ä/ö (d, i…): a last resort for unknown words */
  weak1: Record<string, string[]>;
  weak2: Record<string, string[]>;
}

/** A glyph that stood for å/ä/ö at least this often (of its occurrences inside words) is strong evidence. */
export const STRONG_P = 0.2;
/** A weak glyph's letter below this is not used at all: too seldom to be worth a candidate. */
export const WEAK_P = 0.004;
/** a → å/ä and o → ö are lost diacritics, which the repair stage treats on their own (candidates.ts, DIA). */
const DIACRITIC_LOSS = new Set(['a>å', 'a>ä', 'o>ö']);

/** The marked letters of one base letter: a glyph seen for ä is a mark over an a, and may as well be å. */
const SAME_BASE: Record<string, string[]> = { å: ['å', 'ä'], ä: ['å', 'ä'], ö: ['ö'] };
const BASE: Record<string, string> = { å: 'a', ä: 'a', ö: 'o' };

export function confusionModel(data: ConfusionData): ConfusionModel {
  const model: ConfusionModel = { strong1: {}, strong2: {}, weak1: {}, weak2: {} };
  for (const [glyph, letters] of Object.entries(data.substitutions)) {
    const chars = [...glyph];
    if (chars.length < 1 || chars.length > 2) continue;
    const kept = Object.entries(letters).filter(([letter]) => !DIACRITIC_LOSS.has(`${glyph.toLowerCase()}>${letter}`));
    // A glyph that mostly stands for some lost letter is strong evidence for each letter it was seen for (é for ö,
    // and for ä where old OCR made one); which of them it was is the lexicon's business.
    const strong = kept.reduce((sum, [, e]) => sum + e.p, 0) >= STRONG_P;
    // Where a weak glyph replaced a marked letter whole (d, i) or read its mark beside the base letter ('da' is a
    // mark and an a), the data says that it stands for a marked a at all, and which mark was lost is the lexicon's
    // business, as with a lost diacritic: the letters of one base count together and come in together ('Skdanes',
    // 'gitt'). A pair that is two other letters ('ia') and a strong glyph, which is tried on known words too, keep
    // the letters they were seen for ('ai' for ä must not make 'AI' a river, 'Å'). Likelier letters first.
    const baseP = (letter: string): number => kept.filter(([l]) => SAME_BASE[l]?.includes(letter)).reduce((sum, [, e]) => sum + e.p, 0);
    const seen = kept.filter(([l]) => strong || baseP(l) >= WEAK_P).sort((a, b) => b[1].p - a[1].p).map(([l]) => l);
    const markOfBase = (l: string): boolean => chars.length === 1 || chars.some((c) => BASE[l] === c.toLowerCase());
    const out = strong ? seen : [...new Set(seen.flatMap((l) => (markOfBase(l) ? [l, ...(SAME_BASE[l] ?? [])] : [l])))];
    if (out.length === 0) continue;
    if (chars.length === 1) (strong ? model.strong1 : model.weak1)[glyph] = out;
    else (strong ? model.strong2 : model.weak2)[glyph] = out;
  }
  return model;
}

let cached: ConfusionModel | null = null;

/** The model from the shipped data (src/repair and dist/repair both sit two levels below the package root). */
export function ocrConfusions(): ConfusionModel {
  cached ??= confusionModel(JSON.parse(readFileSync(new URL('../../data/ocr-confusions.json', import.meta.url), 'utf8')) as ConfusionData);
  return cached;
}
