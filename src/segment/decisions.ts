// Reads decisions, votes and reservations out of an item's body lines.
import type { Line } from '../document.js';
import type { Decision, Vote } from '../schema/minutes.js';
import { isBodySectionLabel } from './vocabulary.js';
import { RULE_LINE, isIntro, splitSections } from './sections.js';
import { BULLET, endsWithAbbreviation, joinLines, paragraphs, ref } from './text.js';

/**
 * "att …", "- att …", "1. att …"; OCR may leave a quote where an italic mark stood ("\"Att …"), and reads a
 * bullet as one to three stray marks ("+» Att …").
 */
const CLAUSE = /^["“”'*]?(?:[-–•*]\s*|\d+[.)]\s*|[^\p{L}\p{N}\s"“”]{1,3}\s+)?att\s+\S/iu;
/** The bullet or stray marks before a clause, which are layout. */
const LEADING_MARKS = /^(?:[-–•*]\s*|[^\p{L}\p{N}\s"“”]{1,3}\s+)/u;
const NUMBERED_POINT = /^\d+[.)]\s+\S/;
/** "Kommunstyrelsen beslutar att …", "Mötet beslutade att …" inside running text. */
/** Older minutes write it impersonally: "Beslöts att …", "Beslutades att …", "Det beslöts att …". */
const INLINE_DECISION = /^(?:(?:[\p{Lu}][\p{L}-]*\s+){0,2}(?:beslutar|beslutade|beslöt)(?:\s+(?:således|därför|därefter|vidare|även|också|enhälligt|dessutom))?|(?:Det\s+)?(?:[Bb]eslöts|[Bb]eslutades))\s+(?:att|enligt|i enlighet med)\s+\S/u;

export interface ItemFindings { decisions: Decision[]; votes: Vote[]; reservations: string[] }

/**
 * Decisions come from the item's decision sections (Beslut, "<Body>s beslut", "Förslag till beslut i kommunfullmäktige");
 * a proposal section ("Förslag till beslut") counts only where no decision section exists. An item without either
 * gives its decisions in running text: "Kommunstyrelsen beslutar att …", "Beslöts att …".
 */
export function readDecisions(lines: readonly Line[]): Decision[] {
  const sections = splitSections(lines);
  const decided = sections.filter((s) => s.kind === 'decision');
  const chosen = decided.length ? decided : sections.filter((s) => s.kind === 'proposal');
  if (chosen.length) return chosen.flatMap((s) => clauses(withoutIntro(s.lines)));
  const out: Decision[] = [];
  for (const para of paragraphs(lines.filter((l) => !RULE_LINE.test(l.text.trim())))) {
    if (INLINE_DECISION.test(para[0]!.text.trim())) out.push({ text: joinLines(para), source: ref(para[0]!) });
  }
  return out;
}

/** The opening lines of a decision section that introduce its clauses ("Kommunfullmäktige beslutar:") are not decisions. */
function withoutIntro(lines: readonly Line[]): Line[] {
  let k = 0;
  while (k < lines.length && isIntro(lines[k]!.text) && !CLAUSE.test(lines[k]!.text.trim())) k++;
  return lines.slice(k);
}

/**
 * One decision per "att …" clause (its wrapped lines and sub-points joined), else per numbered point,
 * else per paragraph. After the clauses, the first paragraph that is neither clause nor sub-point ends the block.
 */
function clauses(block: readonly Line[]): Decision[] {
  const hasClause = block.some((l) => CLAUSE.test(l.text.trim()));
  const hasNumbered = !hasClause && block.filter((l) => NUMBERED_POINT.test(l.text.trim())).length >= 2;
  // "Beslut:" over a bullet list: each bullet is a decision.
  const firstBullet = block.findIndex((l) => BULLET.test(l.text));
  // "… föreslår kommunfullmäktige besluta att" before the points introduces them
  const hasBullets = !hasClause && !hasNumbered && block.filter((l) => BULLET.test(l.text)).length >= 2
    && (firstBullet === 0 || (firstBullet === 1 && /(?:\batt|:)$/.test(block[0]!.text.trim())));
  const out: Array<{ lines: Line[] }> = [];
  let current: { lines: Line[] } | null = null;
  for (const l of block) {
    const t = l.text.trim();
    // Plain text keeps a paragraph on one line: a line that opens with the decision formula after a finished
    // sentence is a decision of its own ("Nämnden beslutar att förelägga …." / "Nämnden beslutar att … vite").
    const before = current?.lines[current.lines.length - 1]!.text.trim() ?? '';
    const restated = current !== null && INLINE_DECISION.test(t) && /[.!]$/.test(before);
    // Without clauses, points or bullets each paragraph is a decision; a paragraph may end without a blank line (a
    // sentence ends the line and the next opens with a capital), and a blank line before a line in lower case is
    // only where the page broke a sentence.
    const sentenceEnded = /[.!]$/.test(before) && !endsWithAbbreviation(before) && /^[\p{Lu}\d"”]/u.test(t);
    const paragraphStarts = !current || (l.gapBefore && !/^\p{Ll}/u.test(t)) || sentenceEnded || restated;
    const starts = hasClause ? CLAUSE.test(t) : hasNumbered ? NUMBERED_POINT.test(t) : hasBullets ? BULLET.test(l.text) : paragraphStarts;
    if (starts) {
      current = { lines: [l] };
      out.push(current);
      continue;
    }
    if (!current) {
      if (hasClause || hasNumbered || hasBullets) continue; // text before the first clause ("Styrelsen beslutar")
      continue;
    }
    const isSubPoint = BULLET.test(t);
    const prev = current.lines[current.lines.length - 1]!;
    const continues = !l.gapBefore || isSubPoint || /^\p{Ll}/u.test(t) && !CLAUSE.test(t) || /[:,]$/.test(prev.text.trim()) && !/^[\p{Lu}]/u.test(t) || prev.wrapped;
    if ((hasClause || hasNumbered || hasBullets) && !continues) break;
    current.lines.push(l);
  }
  return out.map(({ lines }) => ({
    // A point's number ("1. Regionstyrelsen godkänner …") is list layout, as a bullet is, not what was decided.
    text: unquote(joinClause(lines).replace(LEADING_MARKS, '').replace(/^\d{1,2}[.)]\s+(?=\p{Lu}|att\s)/iu, '').replace(/^\*+|\*+$/g, '').trim()),
    source: ref(lines[0]!),
  })).filter((d) => d.text.length > 0);
}

/** A quote at either end with no partner inside is an emphasis mark read by OCR, not a quotation. */
function unquote(text: string): string {
  const quotes = (text.match(/["“”]/g) ?? []).length;
  return quotes === 1 ? text.replace(/^["“”]|["“”]$/g, '').trim() : text;
}

/** Running text joined with spaces; list points under a clause keep their own lines. */
function joinClause(lines: readonly Line[]): string {
  const runs: Line[][] = [];
  for (const l of lines) {
    if (!runs.length || BULLET.test(l.text.trim())) runs.push([l]);
    else runs[runs.length - 1]!.push(l);
  }
  return runs.map((r) => joinLines(r)).join('\n');
}

// "25 ja-röster mot 20 nej-röster", "Ja 7 – Nej 7", "Ja-röster för bifall till motionen: 10. Nej-röster: 6."
const YES_NO = /(\d+)\s*ja(?:-?röster)?\b[^\d]{0,40}?(\d+)\s*nej(?:-?röster)?\b|\bja(?:-?röster)?\b(?:[^\d.:=]{0,40}[:=])?\s*(\d+)\s*[,;.–—-]?\s*nej(?:-?röster)?\s*[:=]?\s*(\d+)/i;
/** Older minutes count votes for each motion: "5 röster avgåvos för ordförandens yrkande och 2 röster för …". */
/** "7 kommuner röstade ja och 2 röstade nej", "12 ledamöter röstar ja, 9 röstar nej". */
const VOTED = /(\d+)\s+(?:\p{L}+\s+){0,2}röst(?:ade|ar)\s+ja\b[^.\d]{0,30}?(\d+)\s+(?:\p{L}+\s+){0,2}röst(?:ade|ar)\s+nej\b/iu;
const FOR_MOTIONS = /(\d+)\s+röster\b[^.\d]{0,40}?\bför\s+[^.\d]{3,80}?\boch\s+(\d+)\s+röster\s+för\b/i;
/** "Fyra ledamöter röstade för ordförandens yrkande och en ledamot för Peter Lindfors yrkande." */
const VOTED_FOR = /(\d+)\s+(?:\p{L}+\s+){0,2}röst(?:ade|ar)\s+för\s+[^.\d]{3,80}?\boch\s+(\d+)\s+(?:\p{L}+\s+){0,2}?(?:röst(?:ade|ar)\s+)?för\b/iu;
const NUMBER_WORDS: Record<string, number> = {
  en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
  tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19, tjugo: 20,
};
/** Counts written as words before whoever cast them: "fyra ledamöter", "en ledamot", "två röster". */
const COUNTED = /(?<!\p{L})(en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo)(?=\s+(?:ledamot|ledamöter|ledamöterna|röst|röster|kommuner|kommun|medlemmar|medlem|ombud|ja|nej)\b)/giu;
const digitsForWords = (text: string) => text.replace(COUNTED, (w) => String(NUMBER_WORDS[w.toLowerCase()]));
const ABSTAIN = /(\d+)\s*(?:som avstår|som avstod|avstår|avstod|nedlagda|ledamöter avstår|avstående|avstod från att rösta)|avstår\s*[:=]?\s*(\d+)|nedlagd[ae]?\s+röster?\s*[:=]?\s*(\d+)/i;

export function readVotes(body: readonly Line[]): Vote[] {
  const out: Vote[] = [];
  for (const para of paragraphs(body)) {
    const text = digitsForWords(joinLines(para));
    const m = YES_NO.exec(text) ?? VOTED.exec(text) ?? FOR_MOTIONS.exec(text) ?? VOTED_FOR.exec(text);
    if (!m) continue;
    const yes = Number(m[1] ?? m[3]), no = Number(m[2] ?? m[4]);
    const a = ABSTAIN.exec(text);
    const abstain = a ? Number(a[1] ?? a[2] ?? a[3]) : null;
    const outcome = /utslagsröst/i.test(text) ? 'ordförandens utslagsröst'
      : /\bbifall(?:it|s|er)?\b/i.test(text) ? 'bifall'
      : /\bavslag(?:it|s|er)?\b/i.test(text) ? 'avslag'
      : yes > no ? 'ja' : no > yes ? 'nej' : null;
    out.push({ yes, no, abstain, outcome, source: ref(para[0]!) });
  }
  return out;
}

const RESERVATION = [
  /^(.+?)\s+reserverar\s+sig\b/i,
  /^(.+?)\s+reserverade\s+sig\b/i,
  /(?:mot\s+beslutet\s+)?reserver(?:ar|ade)\s+sig\s+(.+?)(?:\s+(?:till förmån|mot|till|för|skriftligt|med)\b.*)?[.]?$/i,
  /reservation(?:er)?\s+(?:anmäls|anmäldes|lämnas|lämnades)\s+av\s+(.+?)[.]?$/i,
];

/** Names of those who reserve themselves against the decision, one string per person or group. */
export function readReservations(body: readonly Line[]): string[] {
  const out: string[] = [];
  for (const para of paragraphs(body.filter((l) => !isBodySectionLabel(l.text)))) {
    for (const sentence of joinLines(para).split(/(?<=[.!?])\s+/)) {
      if (!/reserver|reservation/i.test(sentence)) continue;
      for (const re of RESERVATION) {
        const m = re.exec(sentence.trim());
        if (!m) continue;
        const who = m[1]!.replace(/^(?:mot beslutet|ledamöterna|ledamoten|ledamot)\s+/i, '').trim();
        if (/^mot beslutet$/i.test(who) || who.length > 200) continue;
        // "…, samtliga (S), reserverar sig": "samtliga" sums up the names before it and is no one itself.
        for (const name of who.split(/\s*,\s*|\s+och\s+/)) if (name.trim() && !/^(?:mot beslutet|sig)$|^(?:samtliga|alla|båda|bägge)\b/i.test(name)) out.push(name.trim().replace(/[.]$/, ''));
        break;
      }
    }
  }
  return [...new Set(out)];
}
