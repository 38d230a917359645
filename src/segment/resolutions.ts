// Minutes without decision headings (associations, notes) report what was resolved in sentences: those are the decisions.
import type { Line } from '../document.js';
import type { Decision } from '../schema/minutes.js';
import { RULE_LINE } from './sections.js';
import { endsWithAbbreviation, isHyphenBreak, paragraphs, ref } from './text.js';

/**
 * The verbs a sentence uses to report a resolution: "Dagordningen godkändes.", "Anna Ek valdes till ordförande.",
 * "Stämman beviljade styrelsen ansvarsfrihet.", "Beslöts att …", "Styrelsen beslutade att …", "… lades till handlingarna".
 * Present-tense passives ("godkänns", "väljs", "utses") report the meeting's own act as older and shorter minutes write it.
 */
const RESOLVED = /\b(?:beslutar|beslutade|beslöt|beslöts|beslutades|beslutas|godkändes|godkänns|godkände|godkänner|valdes|omvaldes|nyvaldes|väljs|omväljs|utsågs|utses|fastställdes|fastställs|fastställde|fastställer|antogs|antog|antar|beviljades|beviljas|beviljade|beviljar|förklarades|bifölls|bifalls|biföll|bifaller|avslogs|avslås|avslog|avslår|bordlades|bordläggs|återremitterades|återremitteras|tillstyrktes|uppdrogs|uppdras|lades till handlingarna|läggs till handlingarna|läggs till protokollet|noterades till protokollet|noteras till protokollet)\b/iu;
/** What only proposes, argues or reports: not a resolution even where such a verb stands in it. */
const NOT_RESOLVED = /\b(?:föreslår|föreslog|föreslås|yrkar|yrkade|yrkande|informerade|informerar|föredrog|redovisade|berättade|diskuterade|om\s+\S+\s+(?:godkänns|beslutas))\b|^(?:förslag|beslutsförslag|förslag till beslut)\s*:|\?$/iu;

/** A sentence that reports what the meeting resolved. */
export function isResolution(sentence: string): boolean {
  return RESOLVED.test(sentence) && !NOT_RESOLVED.test(sentence);
}

/** Each sentence of the body that reports a resolution, with the line it starts on. */
export function readResolutions(body: readonly Line[]): Decision[] {
  const out: Decision[] = [];
  for (const para of paragraphs(body.filter((l) => !RULE_LINE.test(l.text.trim())))) {
    for (const s of sentences(para)) if (isResolution(s.text)) out.push({ text: s.text, source: ref(s.at) });
  }
  return out;
}

/** A paragraph's sentences, joined over the lines the page broke, each with the line it starts on. */
function sentences(para: readonly Line[]): Array<{ text: string; at: Line }> {
  const out: Array<{ text: string; at: Line }> = [];
  let current: { text: string; at: Line } | null = null;
  for (const l of para) {
    const t = l.text.replace(/\t+/g, ' ').trim();
    // Sentence ends inside the line: split after ". " before a capital, unless an abbreviation ends there.
    const pieces = t.split(/(?<=[.!?])\s+(?=[\p{Lu}"”])/u);
    pieces.forEach((piece, k) => {
      if (current && k === 0 && !endsSentence(current.text)) {
        current.text = isHyphenBreak(current.text, piece) ? current.text.slice(0, -1) + piece : `${current.text} ${piece}`;
        return;
      }
      if (current && k > 0 && !endsSentence(current.text)) {
        current.text += ` ${piece}`;
        return;
      }
      current = { text: piece, at: l };
      out.push(current);
    });
  }
  return out;
}

const endsSentence = (t: string) => /[.!?]["”]?$/.test(t) && !endsWithAbbreviation(t) && !/\b\p{Lu}\.$/u.test(t);
