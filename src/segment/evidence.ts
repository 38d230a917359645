// Whether a text is meeting minutes at all, decided from the vocabulary that marks Swedish minutes, with the evidence.
import type { Line } from '../document.js';

/** Words that only minutes use together; each counts once, however often it stands. */
const MARKERS: ReadonlyArray<[string, RegExp]> = [
  ['protokoll', /\bprotokoll(?:et|s)?\b|\bsammanträdesprotokoll\b/i],
  ['anteckningar', /\b(?:minnes|mötes|sammanträdes)?anteckningar(?:na)?\b/i],
  ['sammanträde', /\bsammanträde(?:t|s|sdatum|sdag)?\b/i],
  ['möte', /\b(?:mötets?\s+(?:öppnande|avslutande)|mötet\s+(?:öppnas|öppnades|avslutas|avslutades|förklarades))\b|\bstyrelsemöte\b|\bårsmöte(?:t)?\b|\bstämma(?:n)?\b/i],
  ['justera', /\bjuster(?:a|as|are|ande|ing|ingen|ingens|ats|ade)\b|\bjusteringsm[äa]n\b/i],
  ['närvarande', /\bnärvarande\b|\bnärvarolista\b|\bfrånvarande\b/i],
  ['beslutande', /\bbeslutande\b|\bledamöter\b|\btjänstgörande\s+ersättare\b|\bersättare\b/i],
  ['ordförande', /\bordförande(?:n)?\b|\bsekreterare(?:n)?\b/i],
  ['§', /§\s*\d/],
  ['paragrafer', /\bparagraf(?:er|en)?\b/i],
  ['dagordning', /\bdagordning(?:en)?\b|\bföredragningslista(?:n)?\b|\bärendelista(?:n)?\b/i],
  ['beslut', /\b(?:beslut|beslutar|beslutade|beslöt|beslöts|beslutades)\b/i],
  ['yrkande', /\byrka(?:r|nde|nden|de)\b|\breserver(?:ar|ade)\s+sig\b|\bvotering\b|\bproposition\b/i],
  ['organ', /\b(?:kommunstyrelse|kommunfullmäktige|fullmäktige|nämnd(?:en)?|utskott(?:et)?|direktion(?:en)?|styrelse(?:n)?)\b/i],
];

/** The markers of minutes found in the lines, in the order above. */
export function minutesEvidence(lines: readonly Line[]): string[] {
  const text = lines.map((l) => l.text).join('\n');
  return MARKERS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

const SWEDISH = new Set(['och', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'de', 'inte', 'om', 'ett', 'vid', 'från', 'kan', 'eller', 'när', 'ska', 'skall', 'samt', 'enligt', 'under', 'efter', 'också']);
const ENGLISH = new Set(['the', 'and', 'to', 'of', 'is', 'for', 'that', 'with', 'on', 'as', 'are', 'be', 'this', 'it', 'you', 'from', 'by', 'or', 'your', 'can', 'will', 'an', 'at', 'if', 'not', 'run', 'use']);

/** Of the common function words in the text, the share that are Swedish (1 when it has too few of either to tell). */
export function swedishShare(lines: readonly Line[]): number {
  let sv = 0;
  let en = 0;
  for (const l of lines) {
    for (const w of l.text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (SWEDISH.has(w)) sv++;
      else if (ENGLISH.has(w)) en++;
    }
  }
  // A handful of words tells nothing ("IT-samverkan" is not English).
  return sv + en < 8 ? 1 : sv / (sv + en);
}

/**
 * Minutes use several of these words together: four of them make a text minutes even where no rule found its
 * attendees or items. Attendees or items found make it minutes when the text is Swedish; a README in English with
 * a numbered list is not.
 */
export function isMinutes(evidence: readonly string[], structure: boolean, swedish: number): boolean {
  return evidence.length >= 4 || (structure && swedish >= 0.5);
}
