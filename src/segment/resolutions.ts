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
  // Each sentence is kept as pieces plus its last characters, which are all the checks need: growing one string
  // and testing its end once per line cost time growing with the square of a long paragraph (200,000 lines: minutes).
  const out: Array<{ parts: string[]; tail: string; at: Line }> = [];
  let current: { parts: string[]; tail: string; at: Line } | null = null;
  const append = (c: { parts: string[]; tail: string }, text: string) => {
    c.parts.push(text);
    c.tail = (c.tail + text).slice(-TAIL);
  };
  for (const l of para) {
    const t = l.text.replace(/\t+/g, ' ').trim();
    // Sentence ends inside the line: split after ". " before a capital, unless an abbreviation ends there.
    const pieces = t.split(/(?<=[.!?])\s+(?=[\p{Lu}"”])/u);
    pieces.forEach((piece, k) => {
      if (current && k === 0 && !endsSentence(current.tail)) {
        if (isHyphenBreak(current.tail, piece)) {
          current.parts[current.parts.length - 1] = current.parts[current.parts.length - 1]!.slice(0, -1);
          current.tail = current.tail.slice(0, -1);
          append(current, piece);
        } else append(current, ` ${piece}`);
        return;
      }
      if (current && k > 0 && !endsSentence(current.tail)) {
        append(current, ` ${piece}`);
        return;
      }
      current = { parts: [piece], tail: piece.slice(-TAIL), at: l };
      out.push(current);
    });
  }
  return out.map((c) => ({ text: c.parts.join(''), at: c.at }));
}

/** The end of a sentence the checks below read: abbreviations and closing marks are far shorter. */
const TAIL = 64;

const endsSentence = (t: string) => /[.!?]["”]?$/.test(t) && !endsWithAbbreviation(t) && !/\b\p{Lu}\.$/u.test(t);
