// The repair stage: puts back å/ä/ö and undoes OCR confusions in extracted text, line by line,
// keeping every token in place and recording each change for audit.
import { generate, headRepair, type Candidate } from './candidates.js';
import { ContextModel, type SlotCore } from './context.js';
import { estimateDamage } from './damage.js';
import { nameGuesses } from './names.js';
import { looseSplit } from './split.js';
import { lexicon, ROLE, type Lexicon } from './lexicon.js';
import { applyCase, partKind, tokenize, type PartKind, type Token } from './tokens.js';

export interface RepairLine { text: string; page: number; line: number }
export interface RepairChange { page: number; line: number; from: string; to: string; rule: string; confidence: number }
export interface RepairWarning { code: string; message: string; page: number | null; line: number | null }
export interface RepairResult { lines: string[]; changes: RepairChange[]; warnings: RepairWarning[]; damage: number }
export interface RepairOptions { mode?: 'auto' | 'conservative' | 'aggressive' }

export { lexicon } from './lexicon.js';


const ZERO = [0];

// the rules a change is recorded under; a token keeps the index + 1 of its rule
const RULES = ['list-bullet', 'ocr-I', 'ocr-glyph', 'diacritic-context', 'diacritic-lexicon'] as const;
type Rule = 1 | 2 | 3 | 4 | 5;
const R_BULLET = 1, R_OCR_I = 2, R_GLYPH = 3, R_CONTEXT = 4, R_LEXICON = 5;
const NO_ROLES = [0];

// Every change costs a little, so that a tie between two unseen forms keeps the text as written.
const CHANGE_COST = Math.log(0.7);
const LOOSE_COST = Math.log(0.3);

// English words that are not Swedish words: a neighbour among them marks an English phrase
const ENGLISH = new Set('the of and with is are this that your our from by will be have has you we they its an which would should could these those there their what where when who how about into than then'.split(' '));

interface CandEntry {
  /** the part as written (the cache key) */
  text: string;
  kind: PartKind;
  lower: string;
  capitalized: boolean;
  allCaps: boolean;
  cands: Candidate[];
  selfValid: boolean;
  /** the part carries å/ä/ö: evidence that the text kept them */
  intact: boolean;
  /** the part only makes sense repaired: evidence that the text lost them */
  damaged: boolean;
  /** during one repairLines call: the lattice core of this part per situation */
  cores?: (SlotCore | undefined)[];
}
// keyed by the part exactly as written: a hit costs one lookup and no string building
const candCache = new Map<string, CandEntry>();
function candidatesFor(lex: Lexicon, part: string): CandEntry {
  const hit = candCache.get(part);
  if (hit) return hit;
  const kind = partKind(part);
  const cands = kind === 'word' ? findCandidates(lex, part) : [];
  const lower = part.toLowerCase();
  const selfValid = cands.some((c) => c.form === lower && c.diacritics + c.strong + c.weak === 0);
  const intact = /[åäöÅÄÖ]/.test(part);
  const entry = { text: part, kind, lower, capitalized: /^\p{Lu}/u.test(part), allCaps: part.length >= 2 && part === part.toUpperCase(), cands, selfValid, intact, damaged: !intact && !selfValid && cands.some((c) => c.form !== lower && c.weak === 0) };
  if (candCache.size > 50000) candCache.clear();
  candCache.set(part, entry);
  return entry;
}

/**
 * No Swedish word is longer than this (the longest dictionary compounds have about 40 letters). A longer run of
 * letters is not a word with lost diacritics, and looking for one in it would cost time growing with its square.
 */
export const MAX_WORD_LETTERS = 64;

function findCandidates(lex: Lexicon, part: string): Candidate[] {
  if (part.length > MAX_WORD_LETTERS) return [];
  const lower = part.toLowerCase();
  // capitals matter only to the weak G rule and to acronyms, which take no weak substitutions
  const allCaps = part.length >= 2 && part === part.toUpperCase();
  const capitalized = !allCaps && part[0] !== lower[0];
  let c = generate(lex, part, false);
  const hasOther = c.some((x) => x.form !== lower);
  const selfValid = c.some((x) => x.form === lower && x.diacritics + x.strong + x.weak === 0);
  // the last-resort substitutions only for a word that is otherwise unknown (or all but unused)
  if (!hasOther && !allCaps && (!selfValid || (lower.length <= 3 && lex.unigram(lower) < 50))) c = generate(lex, part, true);
  // an unknown compound whose head lost its diacritics: repair the head alone
  if (!selfValid && c.length === 0) c = headRepair(lex, lower);
  // no dictionary form fits: try a compound the flags cannot build ("Hälsinge" + "rådet")
  if (!selfValid && !c.some((x) => x.parts === 1)) {
    const have = new Set(c.map((x) => x.form));
    const extra = looseSplit(lex, lower).filter((x) => !have.has(x.form));
    if (extra.length) c = [...c, ...extra];
  }
  // an unknown capitalised word may be a surname built of elements that carry å/ä/ö
  if (capitalized && !selfValid && !c.some((x) => x.parts === 1)) {
    const names = nameGuesses(lex, lower);
    if (names.length) c = [...c.filter((x) => !names.some((n) => n.form === x.form)), ...names];
  }
  return c;
}

const isEnglish = (t: Token | undefined): boolean => {
  if (!t) return false;
  const core = t.core;
  // the listed words are short and ASCII: a capital A–Z opening a short core is the only case
  // worth a lowercase copy
  if (core.length > 6 || core.length < 2) return false;
  if (ENGLISH.has(core)) return true;
  const c = core.charCodeAt(0);
  return c >= 65 && c <= 90 && ENGLISH.has(core.toLowerCase());
};


const endsSentence = (t: Token | undefined): boolean => {
  if (!t) return false;
  const c = t.text.charCodeAt(t.text.length - 1);
  // most tokens end in a letter: one comparison settles them
  if (c === 46 || c === 33 || c === 63) return true;
  if (c !== 34 && c !== 39 && c !== 0x201d && c !== 0x2019 && c !== 41) return false;
  return /[.!?]["'”’)]*$/.test(t.text);
};
const NUM_ENTRY: CandEntry = { text: '<num>', kind: 'number', lower: '<num>', capitalized: false, allCaps: false, cands: [], selfValid: true, intact: false, damaged: false };
let engBuf = new Uint8Array(64);
// a colon or a lone dash opens a heading or a title ("Halland - Bästa livsplatsen"), where a
// capital marks no name
const afterBreak = (t: Token | undefined): boolean => !!t && (t.text.endsWith(':') || t.text === '-' || t.text === '–' || t.text === '—');
// a capitalised word right before a known place name is part of an organisation's name
// ("Lön Hälsingland", "Vård Skåne"), not a surname, so its capital does not guard it
const beforePlace = (t: Token | undefined): boolean => {
  if (!t || t.parts.length !== 1 || t.protectedToken) return false;
  const c = t.core.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && !(c === 0xc5 || c === 0xc4 || c === 0xd6)) return false;
  // the place name may itself have lost its diacritics ("Halsingland")
  return t.core.length >= 3 && candidatesFor(lexicon(), t.core).cands.some((x) => (x.roles & PLACE) === PLACE);
};
// the gazetteer's places are names that may begin a compound
const PLACE = ROLE.PROPER | ROLE.BEGIN;

// Text below U+0300 (Latin-1, Latin Extended) is its own NFC: only combining marks and later
// characters can change, so most lines need no normalizing at all.
function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC');
  return s;
}

export function repairLines(lines: readonly RepairLine[], options: RepairOptions = {}): RepairResult {
  const lex = lexicon();
  const mode = options.mode ?? 'auto';
  // Lines are read one at a time and their tokens dropped: a changed line is tokenized again
  // when it is rebuilt, which costs less than keeping every token of the document alive.
  // a token's number in the whole document (base[line] + token): small integers make cheap keys
  const base = new Int32Array(lines.length + 1);
  const tokenKey = (line: number, token: number): number => base[line]! + token;
  const touchedLines = new Uint8Array(lines.length);
  // repaired parts of the tokens that change, by tokenKey, made on first change: a part left
  // undefined stays as written
  const changed = new Map<number, (string | undefined)[]>();
  // a token replaced whole by a single-token rule (a bullet, a lone I or i), by tokenKey
  const replaced = new Map<number, string>();
  const partsOf = (li: number, tj: number): (string | undefined)[] => {
    const k = tokenKey(li, tj);
    let p = changed.get(k);
    if (!p) { p = []; changed.set(k, p); }
    return p;
  };
  // per token (tokenKey): the rule that changed it (index into RULES + 1, 0 for none) and its
  // confidence; grown as lines are read
  let ruleOf = new Uint8Array(1024);
  let confOf = new Float64Array(1024);
  const warnings: RepairWarning[] = [];
  const warned = new Set<number>();
  const note = (li: number, tj: number, rule: Rule, confidence: number): void => {
    const k = tokenKey(li, tj);
    touchedLines[li] = 1;
    if (ruleOf[k] === 0 || confidence < confOf[k]!) { ruleOf[k] = rule; confOf[k] = confidence; }
  };

  // the lattice slots, one per word part or number, as parallel arrays: where the part sits (its
  // part index is -1 for a number), what it is, its core, and flags (1 sentence start, 2 sentence
  // end, situation << 2: bits 1 mid-sentence, 2 after a name part, 4 in an English phrase)
  // (line, token, part and flags of slot i at 4i … 4i + 3)
  let slotData = new Int32Array(4096);
  let nSlots = 0;
  const rEntry: CandEntry[] = [];
  const addSlot = (li: number, tj: number, part: number, flags: number, entry: CandEntry): void => {
    if (4 * nSlots + 4 > slotData.length) { const d = new Int32Array(2 * slotData.length); d.set(slotData); slotData = d; }
    const o = 4 * nSlots++;
    slotData[o] = li; slotData[o + 1] = tj; slotData[o + 2] = part; slotData[o + 3] = flags;
    rEntry.push(entry);
  };
  const numCore: SlotCore = { forms: ['<num>'], emission: ZERO, heads: ['<num>'], firsts: ['<num>'], roles: [ROLE.WORD] };
  let intact = 0, damaged = 0, words = 0;
  let prevLineEmpty = true;
  // whether the last token of the line before ends a sentence
  let prevLastEnds = false;
  for (let li = 0; li < lines.length; li++) {
    const ts = tokenize(nfc(lines[li]!.text));
    const end = base[li + 1] = base[li]! + ts.length;
    if (end > ruleOf.length) {
      const r = new Uint8Array(2 * end), c = new Float64Array(2 * end);
      r.set(ruleOf); c.set(confOf); ruleOf = r; confOf = c;
    }
    // ---- single-token rules that need no context model
    for (let tj = 0; tj < ts.length; tj++) {
      const t = ts[tj]!;
      // "e"/"o" opening a list line is a bullet the OCR read as a letter
      if (tj === 0 && ts.length > 1 && /^[eo°]$/.test(t.text) && /^[\p{Lu}|]/u.test(ts[1]!.text)) {
        replaced.set(tokenKey(li, tj), '•');
        note(li, tj, R_BULLET, 0.9);
        continue;
      }
      // a lone "|" opening a line or a sentence is a capital I; between words it separates them
      // ("Skolsamverkan Bohuslän | Org.nr 222000-1685")
      if (t.text === '|' && ts.length > 1 && (tj === 0 || /[.!?:]$/.test(ts[tj - 1]!.text))) {
        replaced.set(tokenKey(li, tj), 'I');
        note(li, tj, R_OCR_I, 0.8);
        continue;
      }
      // a lone "1" between words, with no other number near, is the preposition i
      if (t.text === '1' && tj > 0 && tj + 1 < ts.length) {
        const prev = ts[tj - 1]!, next = ts[tj + 1]!;
        const near = ts.slice(Math.max(0, tj - 3), tj + 4).filter((x) => /\d/.test(x.text)).length;
        if (near === 1 && /^\p{Ll}+$/u.test(prev.text) && /^\p{L}{2,}[.,;:]?$/u.test(next.text) && !NUMBERED.has(prev.text.toLowerCase()) && !NUMBERED.has(next.core.toLowerCase()) && lex.lookup(next.core.toLowerCase()) !== 0 || (near === 1 && /^\p{Ll}+$/u.test(prev.text) && /^\p{Lu}\p{Ll}+[.,;:]?$/u.test(next.text) && !NUMBERED.has(prev.text.toLowerCase()) && !NUMBERED.has(next.core.toLowerCase()))) {
          replaced.set(tokenKey(li, tj), 'i');
          note(li, tj, R_OCR_I, 0.6);
          continue;
        }
      }
      if (t.protectedToken) continue;
      for (let k = 0; k < t.parts.length; k += 2) {
        const p = t.parts[k]!;
        // "|T", "1D": a capital I read as a bar or a one, in front of capitals
        // a bar is always an I; a one or an l only where a word part cannot start with a digit,
        // after a hyphen ("Transaktions-1D")
        // only a part opening with a bar, a one or an l can be one (saves classifying every part)
        const c0 = p[0];
        if ((c0 === '|' || c0 === '1' || c0 === 'l') && partKind(p) === 'acronym-I' && (p[0] === '|' || (k > 0 && /\p{L}$/u.test(t.parts[k - 2] ?? '')))) {
          const fixed = `I${p.slice(1)}`;
          if (lex.lookup(fixed.toLowerCase()) & ROLE.WORD) { partsOf(li, tj)[k] = fixed; note(li, tj, R_OCR_I, 0.85); }
        } else if (p === 'Al' && !/^\p{Lu}/u.test(t.parts[k + 2] ?? '') && !(lex.lookup('al') & ROLE.PROPER && /^\p{Lu}\p{Ll}/u.test(ts[tj + 1]?.core ?? '') && !/^(AI|Sweden)$/.test(ts[tj + 1]?.core ?? ''))) {
          // "Al" with a capital A and a small l is far more often "AI" in today's minutes than
          // the tree (which would be written "al"); "Al-Rashid" (a capital after the hyphen) is a name
          partsOf(li, tj)[k] = 'AI';
          note(li, tj, R_OCR_I, 0.7);
        }
      }
    }

    // ---- collect word parts for the context model
    if (engBuf.length < ts.length + 2) engBuf = new Uint8Array(2 * ts.length + 2);
    const eng = engBuf;
    for (let tj = 0; tj < ts.length; tj++) eng[tj] = isEnglish(ts[tj]) ? 1 : 0;
    let wordSeen = false, lastEnds = false;
    for (let tj = 0; tj < ts.length; tj++) {
      const t = ts[tj]!;
      const prevTok = tj > 0 ? ts[tj - 1] : undefined;
      const ends = endsSentence(t), prevEnds = lastEnds;
      lastEnds = ends;
      // a line's first word, after any bullet or numbering, starts an item or a sentence
      const lineStart = !wordSeen;
      if (!wordSeen && /\p{L}/u.test(t.text) && ruleOf[tokenKey(li, tj)] !== R_BULLET) wordSeen = true;
      const startsSentence = nSlots === 0 || prevEnds || (lineStart && (prevLineEmpty || /^\p{Lu}/u.test(t.core) || prevLastEnds));
      const c0 = t.core.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && /^\d+(?:[.,:]\d+)*$/.test(t.core)) {
        // a number is context ("4 år", "kl 10") but never a candidate for change
        addSlot(li, tj, -1, (startsSentence ? 1 : 0) | (ends ? 2 : 0), NUM_ENTRY);
        continue;
      }
      if (t.protectedToken) continue;
      const english = (tj >= 1 && eng[tj - 1]) || (tj + 1 < ts.length && eng[tj + 1]) || (tj >= 2 && eng[tj - 2]) || (tj + 2 < ts.length && eng[tj + 2]) ? 4 : 0;
      const key = tokenKey(li, tj);
      // a token a rule replaced whole has no word parts left; one it changed in part keeps the rest
      if (ruleOf[key] !== 0 && replaced.has(key)) continue;
      const touched = ruleOf[key] !== 0 ? changed.get(key) : undefined;
      const lastWordPart = t.parts.length - 1 - (t.parts.length % 2 === 0 ? 1 : 0);
      const parts = t.parts;
      for (let k = 0; k < parts.length; k += 2) {
        const p = parts[k]!;
        // a single letter ("o-hyfs", "a)") is too little to go on
        if (p.length < 2 || (touched !== undefined && k < touched.length && touched[k] !== undefined)) continue;
        const entry = candidatesFor(lex, p);
        if (entry.kind !== 'word') continue;
        const sentenceStart = k === 0 && startsSentence;
        const mid = !sentenceStart && !(lineStart && k === 0) && !(k === 0 && (t.prefix.endsWith('(') || afterBreak(prevTok))) && !(entry.capitalized && k === lastWordPart && t.suffix === '' && beforePlace(tj + 1 < ts.length ? ts[tj + 1] : undefined));
        const afterName = k > 0 && /^\p{Lu}/u.test(parts[0] ?? '');
        addSlot(li, tj, k, (sentenceStart ? 1 : 0) | (k === lastWordPart && ends ? 2 : 0) | (((mid ? 1 : 0) | (afterName ? 2 : 0) | english) << 2), entry);
        words++;
        if (entry.intact) intact++;
        else if (entry.damaged) damaged++;
      }
    }
    prevLineEmpty = ts.length === 0;
    prevLastEnds = lastEnds;
  }
  const est = estimateDamage({ intact, damaged, words });
  const conservative = mode === 'conservative' || (mode === 'auto' && est.lossRate < 0.2);
  const lossRate = mode === 'aggressive' ? Math.max(est.lossRate, 0.5) : conservative ? Math.min(est.lossRate, 0.05) : est.lossRate;
  const logLoss = Math.log(lossRate);

  // ---- the lattice
  const model = new ContextModel(lex);
  // candidates are scored the same wherever a word recurs in the same situation
  // (kept on the part's entry, which stands for one spelling, and dropped when the call ends)
  const withCores: CandEntry[] = [];
  const rCore = new Array<SlotCore>(nSlots);
  const rFlags = new Int32Array(nSlots);
  for (let i = 0; i < nSlots; i++) {
    rFlags[i] = slotData[4 * i + 3]!;
    if (slotData[4 * i + 2]! < 0) { rCore[i] = numCore; continue; }
    const entry = rEntry[i]!, situation = rFlags[i]! >> 2;
    let byKind = entry.cores;
    if (!byKind) { byKind = entry.cores = new Array<SlotCore | undefined>(8); withCores.push(entry); }
    let core = byKind[situation];
    if (!core) { core = buildCore(entry, situation); byKind[situation] = core; }
    rCore[i] = core;
  }
  function buildCore(entry: CandEntry, situation: number): SlotCore {
    const { lower, cands, capitalized, allCaps, selfValid } = entry;
    const midSentence = (situation & 1) !== 0, afterName = (situation & 2) !== 0, english = (situation & 4) !== 0;
    const forms: string[] = [], emission: number[] = [], heads: string[] = [], firsts: string[] = [], roles: number[] = [];
    // a capital in mid-sentence marks a name: names win over common words, and a common word
    // is not made out of an unknown name
    const nameSlot = midSentence && capitalized && !allCaps;
    const properAlt = nameSlot && cands.some((c) => c.roles & ROLE.PROPER && c.form !== lower);
    const nameish = ROLE.PROPER | ROLE.NAME;
    for (const c of cands) {
      if (c.roles & ROLE.PROPER && !capitalized) continue; // a name needs its capital
      if (c.roles & ROLE.CAPS && !allCaps) continue;
      const changed = c.form !== lower;
      if (changed && conservative && selfValid) continue; // intact text: a real word stays
      if (changed && conservative && capitalized) continue; // and so does a name it does not know ("Kallby" is not "Källby")
      if (c.weak && conservative) continue; // and a last-resort OCR reading needs a damaged text
      if (c.guess && conservative) continue; // as does a guessed surname
      let e = 0;
      if (c.diacritics && !c.strong && !c.weak) e += logLoss;
      e += c.strong * Math.log(0.3) + c.weak * Math.log(0.1);
      if (c.parts > 1) e += Math.log(0.5) * (c.parts - 1);
      // the dictionary's flags say this head seldom ends a compound: a flagged reading goes first
      if (c.loose) e += LOOSE_COST;
      if (changed) e += CHANGE_COST;
      // a long word (a compound title: "Förbundssekreterare") is seldom a name
      // a compound that opens with a name ("Hälsinge|rådet") is itself a name
      const named = c.roles & nameish || (c.parts > 1 && lex.lookup(c.first) & ROLE.PROPER);
      if (nameSlot && !named) e += properAlt ? Math.log(0.002) : !changed ? 0 : afterName ? Math.log(1e-5) : lower.length >= 10 ? Math.log(0.2) : Math.log(0.01);
      if (changed && english) e += Math.log(0.01);
      forms.push(c.form); emission.push(e); heads.push(c.head); firsts.push(c.first); roles.push(c.roles);
    }
    if (forms.length === 0) return { forms: [lower], emission: ZERO, heads: [lower], firsts: [lower], roles: NO_ROLES };
    if (!forms.includes(lower)) {
      // the word as written, though the lexicon does not know it (a name, a foreign word)
      const glyphs = /[6&]|[éè]/.test(lower) && forms.length > 0;
      forms.push(lower); emission.push(glyphs ? Math.log(0.05) : 0); heads.push(lower); firsts.push(lower); roles.push(0);
    }
    return { forms, emission, heads, firsts, roles };
  }
  const chosen = new Int32Array(nSlots), confidence = new Float64Array(nSlots);
  try {
    model.decode(rCore, rFlags, chosen, confidence);
  } finally {
    for (const e of withCores) e.cores = undefined;
  }

  // ---- apply
  for (let i = 0; i < nSlots; i++) {
    const part = slotData[4 * i + 2]!;
    if (part < 0) continue;
    const forms = rCore[i]!.forms;
    if (forms.length === 1) continue; // only the word as written
    const form = forms[chosen[i]!]!, entry = rEntry[i]!, line = slotData[4 * i]!, text = entry.text, dc = confidence[i]!;
    if (form === entry.lower) {
      if (dc < 0.55 && !warned.has(line)) {
        const alt = forms.find((f) => f !== form)!;
        warned.add(line);
        warnings.push({ code: 'repair-uncertain', message: `kept "${text}", might be "${applyCase(text, alt)}"`, page: lines[line]!.page, line: lines[line]!.line });
      }
      continue;
    }
    const cand = entry.cands.find((c) => c.form === form);
    partsOf(line, slotData[4 * i + 1]!)[part] = applyCase(text, form);
    const rule = cand && (cand.strong || cand.weak) ? R_GLYPH : entry.selfValid ? R_CONTEXT : R_LEXICON;
    const conf = rule === R_LEXICON ? Math.max(dc, 0.9 * Math.min(1, lossRate * 2)) : dc;
    note(line, slotData[4 * i + 1]!, rule, Math.round(conf * 100) / 100);
  }

  // ---- rebuild lines, keeping all whitespace as it was
  const changes: RepairChange[] = [];
  const out = rebuild(lines, { touchedLines, base, ruleOf, confOf, replaced, changed }, changes);
  return { lines: out, changes, warnings, damage: Math.round(est.share * 1000) / 1000 };
}

/** What repair decided for each token (by its number in the document), to rebuild lines from. */
interface Edits {
  touchedLines: Uint8Array;
  base: Int32Array;
  ruleOf: Uint8Array;
  confOf: Float64Array;
  replaced: Map<number, string>;
  changed: Map<number, (string | undefined)[]>;
}

// (its own function: optimized on its own, not as the tail of repairLines' long loops)
function rebuild(lines: readonly RepairLine[], e: Edits, changes: RepairChange[]): string[] {
  const { touchedLines, base, ruleOf, confOf, replaced, changed } = e;
  const out: string[] = new Array<string>(lines.length);
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    if (touchedLines[li] === 0) { out[li] = l.text; continue; }
    const src = nfc(l.text);
    const ts = tokenize(src);
    let s = '', pos = 0;
    for (let tj = 0, k = base[li]!; tj < ts.length; tj++, k++) {
      const t = ts[tj]!;
      const rule = ruleOf[k]!;
      if (rule === 0) continue;
      const whole = replaced.get(k);
      let core = '';
      if (whole !== undefined) core = whole;
      else {
        const edits = changed.get(k);
        for (let q = 0; q < t.parts.length; q++) core += (edits !== undefined && q < edits.length ? edits[q] : undefined) ?? t.parts[q]!;
      }
      const text = t.prefix + core + t.suffix;
      if (text === t.text) continue;
      changes.push({ page: l.page, line: l.line, from: t.text, to: text, rule: RULES[rule - 1]!, confidence: confOf[k]! });
      s += src.slice(pos, t.start) + text;
      pos = t.start + t.text.length;
    }
    out[li] = s + src.slice(pos);
  }
  return out;
}

// words after which a lone "1" is a number, not a misread "i" (and months, before which it is a date)
const NUMBERED = new Set(['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec', 'punkt', 'nr', 'nummer', 'bilaga', 'paragraf', 'kap', 'kapitel', 'sida', 'sidan', 'version', 'steg', 'fas', 'etapp', 'kl', 'klockan', 'ärende', 'arende', 'del', 'grupp', 'alternativ', 'av', 'till', 'och', 'eller', 'med', 'minst', 'högst', 'hogst', 'cirka', 'ca', 'lokal', 'rum', 'plan', 'våning', 'vaning', 'vecka', 'dag', 'kvartal', 'tertial', 'mål', 'mal', 'prioritet', 'nivå', 'niva', 'typ', 'klass', 'zon', 'område', 'omrade', 'bil', 'linje', 'spår', 'spar', 'läsår', 'lasar', 'termin', 'period', 'år', 'ar']);
