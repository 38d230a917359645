// Restores the Markdown marks (#, **) that the Swedish model cannot read: minutes printed from Markdown carry them literally.
import type { OcrWord } from './page.js';

// Tesseract's Swedish model has no '#' and reads "###" as "HH", "tHtHt", "fit", "+&"; it reads "**" as quote and
// plus pairs ("\"”\"", "\"+", "++"). The English model reads both, but costs the Swedish letters (å → d, ö → é).
// Only low-confidence tokens in these shapes are touched; the run of marks is counted from the token's width.

/** Glyphs the Swedish model puts where a '#' is printed. */
const HASH_LOOKALIKE = /^[#+H&tfiIlEFh]{1,6}$/; // not $: "$$ 784" is "§§ 784" (src/clean/section-sign.ts)
/** Glyphs it puts where a '*' is printed. */
const STAR_RUN = /["”“„+*]{2,3}/g;
/** A '#' is about 0.72 of the token's glyph height wide, spacing included (serif and monospace fonts alike). */
const HASH_ASPECT = 0.72;

/** A heading mark read as letters at the start of a line becomes '#' × (marks that fit its width). */
export function restoreHeadingMark(words: OcrWord[]): void {
  const first = words[0];
  if (!first || words.length < 2 || first.confidence >= 70 || !HASH_LOOKALIKE.test(first.text)) return;
  const height = first.bbox.y1 - first.bbox.y0;
  const width = first.bbox.x1 - first.bbox.x0;
  if (height <= 0) return;
  const n = Math.round(width / (height * HASH_ASPECT));
  if (n >= 1 && n <= 6) first.text = '#'.repeat(n);
}

/** Emphasis marks read as quote/plus runs glued to a word become "**". */
export function restoreEmphasisMarks(word: OcrWord): void {
  if (word.confidence >= 80) return;
  word.text = word.text.replace(STAR_RUN, (run, at: number, s: string) => {
    // Glued to text on at least one side: a real pair of quotes stands apart from nothing but a quoted word.
    const before = s[at - 1] ?? '';
    const after = s[at + run.length] ?? '';
    return /[\p{L}\p{N}?!.:)]/u.test(before) || /[\p{L}\p{N}(]/u.test(after) ? '**' : run;
  });
}
