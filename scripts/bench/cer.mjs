// Character error rate against ground truth: text compared as NFC characters with runs of white space as one space.

export const normalizeForCer = (s) => Array.from(s.normalize('NFC').replace(/\s+/g, ' ').trim());

/** Levenshtein distance of the OCR reading from the ground truth, with the truth's length: CER = edits / chars. */
export function editDistance(gt, ocr) {
  const a = normalizeForCer(gt);
  const b = normalizeForCer(ocr);
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      let best = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      cur[j] = best;
    }
    [prev, cur] = [cur, prev];
  }
  return { chars: a.length, edits: prev[b.length] };
}
