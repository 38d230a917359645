// Generates the valid Swedish forms a damaged word part may stand for: lost diacritics
// (a → å/ä, o → ö), OCR glyph confusions (the glyphs counted in data/ocr-confusions.json: strong ones such as é,
// 6, & for å/ä/ö; weak ones only as a last resort),
// and compounds rebuilt from the lexicon's compound parts.
import { ocrConfusions } from './confusions.js';
import { ROLE, type Lexicon } from './lexicon.js';

export interface Candidate {
  /** lowercase form */
  form: string;
  roles: number;
  /** letters a/o given a diacritic */
  diacritics: number;
  /** strong OCR substitutions (é, 6, & …) */
  strong: number;
  /** weak OCR substitutions (d, i, a, G for å/ä/ö) */
  weak: number;
  /** number of compound parts (1 = a dictionary form) */
  parts: number;
  /** the last compound part, for frequency back-off */
  head: string;
  /** the first compound part (the whole form when there is one part) */
  first: string;
  /** a surname guessed from name elements, not a dictionary form */
  guess?: boolean;
  /** a compound whose head lacks the compound-end flag (see split.ts) */
  loose?: boolean;
}

interface Sub {
  out: string;
  len: number;
  kind: 0 | 1 | 2 | 3; // exact, diacritic, strong OCR, weak OCR
}

const DIA: Record<string, string[]> = { a: ['å', 'ä'], o: ['ö'] };
// Glyphs OCR reads for å/ä/ö, counted from data (confusions.ts): strong ones mostly stand for a lost letter where
// they occur inside a word (é, 6, &…); weak ones are usually themselves (d, i…) and are tried only for otherwise
// unknown words. Looked up as read, so a capital G inside a word is not a g.
const MODEL = ocrConfusions();

function subs(s: string, orig: string, i: number, weakAllowed: boolean): Sub[] {
  const c = s[i]!;
  const o = orig[i] ?? c;
  const out: Sub[] = [{ out: c, len: 1, kind: 0 }];
  for (const d of DIA[c] ?? []) out.push({ out: d, len: 1, kind: 1 });
  const lookup = <T>(table: Record<string, T>, asRead: string, lower: string): T | undefined => table[asRead] ?? (asRead !== lower ? table[lower] : undefined);
  for (const d of lookup(MODEL.strong1, o, c) ?? []) out.push({ out: d, len: 1, kind: 2 });
  const two = s.slice(i, i + 2);
  const twoRead = orig.slice(i, i + 2);
  for (const d of lookup(MODEL.strong2, twoRead, two) ?? []) out.push({ out: d, len: 2, kind: 2 });
  if (weakAllowed) {
    for (const d of lookup(MODEL.weak1, o, c) ?? []) out.push({ out: d, len: 1, kind: 3 });
    for (const d of lookup(MODEL.weak2, twoRead, two) ?? []) out.push({ out: d, len: 2, kind: 3 });
  }
  return out;
}

const MAX_RESULTS = 40;
const STEP_BUDGET = 20000;

/**
 * All valid forms for one word part. `weak` enables the last-resort substitutions; the caller
 * asks for them only when nothing else is found.
 */
export function generate(lex: Lexicon, part: string, weak: boolean): Candidate[] {
  const orig = part;
  const s = part.toLowerCase();
  const found = new Map<string, Candidate>();
  let steps = 0;
  const kinds = [0, 0, 0, 0];
  const partStarts: number[] = [];

  const go = (pos: number, node: number, out: string, partStart: number, parts: number): void => {
    if (++steps > STEP_BUDGET || found.size >= MAX_RESULTS) return;
    const roles = lex.roles(node);
    if (pos === s.length) {
      const ok = parts === 1 ? roles & ROLE.WORD : roles & ROLE.END;
      if (!ok) return;
      const prev = found.get(out);
      const cand: Candidate = { form: out, roles: parts === 1 ? roles : ROLE.WORD | (roles & ROLE.RARE), diacritics: kinds[1]!, strong: kinds[2]!, weak: kinds[3]!, parts, head: out.slice(partStarts[partStarts.length - 1] ?? 0), first: out.slice(0, partStarts[0] ?? out.length) };
      if (!prev || rank(cand) < rank(prev)) found.set(out, cand);
      return;
    }
    // a compound: the part so far may begin (or continue) one, and at least two letters follow
    if (out.length - partStart >= 2 && s.length - pos >= 2 && parts < 4 && roles & (parts === 1 ? ROLE.BEGIN : ROLE.MIDDLE)) {
      partStarts.push(out.length);
      go(pos, 0, out, out.length, parts + 1);
      partStarts.pop();
    }
    for (const sub of subs(s, orig, pos, weak)) {
      if (sub.kind === 3 && kinds[3]! >= 2) continue;
      let n = node, ok = true;
      for (const ch of sub.out) {
        const code = lex.code(ch);
        const e = code < 0 ? -1 : lex.child(n, code);
        if (e < 0) { ok = false; break; }
        n = lex.target(e);
      }
      if (!ok) continue;
      kinds[sub.kind]!++;
      go(pos + sub.len, n, out + sub.out, partStart, parts);
      kinds[sub.kind]!--;
    }
  };
  go(0, 0, '', 0, 1);
  return [...found.values()];
}

function rank(c: Candidate): number {
  return c.weak * 100 + c.strong * 10 + (c.parts - 1) * 2 + c.diacritics * 0.1;
}

/**
 * For a word the lexicon cannot build (a misspelt or unknown first element), the variants of its
 * longest compound head that needs å/ä/ö: "destionationsnatverket" → "…nätverket".
 */
export function headRepair(lex: Lexicon, lower: string): Candidate[] {
  if (lower.length < 8 || !/^\p{L}+$/u.test(lower)) return [];
  for (let i = 3; i <= lower.length - 4; i++) {
    const head = lower.slice(i);
    if (lex.lookup(head) & ROLE.END) return []; // the head is fine as written
    const found = generate(lex, head, false).filter((c) => c.parts === 1 && c.roles & ROLE.END && !c.strong && c.form !== head);
    if (found.length) {
      return found.map((c) => ({ ...c, form: lower.slice(0, i) + c.form, roles: ROLE.WORD, parts: 2, head: c.form, first: lower.slice(0, i) }));
    }
  }
  return [];
}
