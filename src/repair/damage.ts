// Estimates per document how badly its å/ä/ö were lost, from the words that show it either way:
// a text full of å/ä/ö has not lost them; one full of "fran" and "pagar" has.

export interface DamageEvidence {
  /** words that carry å/ä/ö: the diacritics survived */
  intact: number;
  /** words that only make sense with å/ä/ö put back, or that carry OCR glyphs for them */
  damaged: number;
  /** words that would be counted either way (letters, two or more) */
  words: number;
}

export interface DamageEstimate {
  /** probability that a word which should carry å/ä/ö lost it (drives how boldly we restore) */
  lossRate: number;
  /** estimated share of damaged words, 0..1 (reported as RepairResult.damage) */
  share: number;
}

export function estimateDamage(e: DamageEvidence): DamageEstimate {
  // a weak prior toward "intact" so a short text without evidence is left alone
  const lossRate = (e.damaged + 0.25) / (e.damaged + e.intact + 1);
  const share = e.words ? Math.min(1, e.damaged / e.words) : 0;
  return { lossRate: Math.min(0.98, Math.max(0.005, lossRate)), share };
}
