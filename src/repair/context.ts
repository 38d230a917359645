// Scores candidate words with smoothed unigram/bigram counts and picks the best sequence over the
// candidate lattice (Viterbi), so that "for"/"för" or "var"/"vår" is decided by its neighbours.
import { ROLE, type Lexicon } from './lexicon.js';

/**
 * The candidates of a word, what each costs before context (log scale), and their counts once
 * computed. Shared by every occurrence of the same word in the same situation.
 */
export interface SlotCore {
  forms: string[];
  emission: number[];
  /** frequency back-off word for forms the corpus never saw (the head of a compound) */
  heads: string[];
  /** first compound part of each form (the form itself when not a compound) */
  firsts: string[];
  roles: number[];
  counts?: number[];
  /** log transition scores to each next core's forms (row per form here), computed once */
  trans?: Map<SlotCore, Float64Array>;
  /** log score of each form opening / closing a sentence */
  open?: Float64Array;
  close?: Float64Array;
}

/** One slot of the lattice. */
export interface Slot {
  core: SlotCore;
  /** true when a sentence starts at this slot */
  sentenceStart: boolean;
  /** true when a sentence ends after this slot */
  sentenceEnd: boolean;
}

export interface Decision {
  index: number;
  confidence: number;
  /** log-score margin between the chosen form and the best alternative */
  margin: number;
}

// The bigram estimate is interpolated with the unigram one. The weight given to the bigram grows
// with how often the context word was seen but stays at most LAMBDA_MAX: our corpus is small, and a
// pair it never saw is not evidence against the pair (else a rare context like "for" would beat
// "för" before any unseen word, as its few continuations leave more room).
const K = 40;
const LAMBDA_MAX = 0.9;

export class ContextModel {
  private readonly uniCache = new Map<string, number>();
  private readonly n: number;
  constructor(private readonly lex: Lexicon) {
    this.n = Math.max(1, lex.tokens);
  }

  /** Corpus count of a form, backed off to its compound head and floored for unseen words. */
  count(form: string, head: string, first: string, roles: number): number {
    const key = form === head && form === first ? form : `${form}|${head}|${first}`;
    let c = this.uniCache.get(key);
    if (c !== undefined) return c;
    c = this.lex.unigram(form);
    if (c === 0 && form !== head) {
      // an unseen compound: as common as its head, scaled by how usual its first part is
      const f = this.lex.unigram(first);
      c = 0.05 * this.lex.unigram(head) * ((f + 0.5) / (f + 20)) + 0.1;
    } else if (c === 0 && roles) {
      // a dictionary form the corpus never saw is about as common as a compound of the longest
      // known word it ends with. Hunspell gives some common words ("råd", "lön") no compound-end
      // flag and lists each of their compounds instead ("länsråd"): for those the listing is
      // the only way to build the word, and it counts in full, like a generated compound; where
      // the flags could build the word anyway, the listing is weaker evidence.
      c = 0.3;
      for (let i = 2; i <= form.length - 3; i++) {
        const tail = form.slice(i);
        const t = this.lex.unigram(tail);
        const r = t > 0 ? this.lex.lookup(tail) : 0;
        if (r & ROLE.WORD) {
          const f = this.lex.unigram(form.slice(0, i));
          c = Math.max(c, (r & ROLE.END ? 0.02 : 0.05) * t * ((f + 0.5) / (f + 20)) + 0.1);
          break;
        }
      }
    } else if (c === 0) c = 0.005;
    if (roles & ROLE.RARE) c *= 0.1;
    this.uniCache.set(key, c);
    return c;
  }

  private counts(core: SlotCore): number[] {
    core.counts ??= core.forms.map((f, k) => this.count(f, core.heads[k]!, core.firsts[k]!, core.roles[k]!));
    return core.counts;
  }

  private readonly states = new Map<string, number>();

  // Cores recur with the same neighbours ("för att", "på mötet"), so each pair of cores gets
  // its transition scores once, not once per occurrence and again for the confidence.
  private trans(a: SlotCore, b: SlotCore): Float64Array {
    a.trans ??= new Map();
    let t = a.trans.get(b);
    if (t) return t;
    const ca = this.counts(a), cb = this.counts(b), nb = b.forms.length;
    t = new Float64Array(a.forms.length * nb);
    for (let q = 0; q < a.forms.length; q++) for (let j = 0; j < nb; j++) t[q * nb + j] = this.logTrans(a.forms[q]!, ca[q]!, b.forms[j]!, cb[j]!);
    a.trans.set(b, t);
    return t;
  }

  private open(a: SlotCore): Float64Array {
    if (a.open) return a.open;
    const c = this.counts(a), start = Math.max(1, this.lex.unigram('<s>'));
    a.open = Float64Array.from(a.forms, (f, j) => this.logTrans('<s>', start, f, c[j]!));
    return a.open;
  }

  private close(a: SlotCore): Float64Array {
    if (a.close) return a.close;
    const c = this.counts(a), start = Math.max(1, this.lex.unigram('<s>'));
    a.close = Float64Array.from(a.forms, (f, j) => this.logTrans(f, c[j]!, '</s>', start));
    return a.close;
  }

  private logTrans(prev: string | null, prevCount: number, form: string, count: number): number {
    const p = count / this.n;
    if (prev === null) return Math.log(p);
    let st = this.states.get(prev);
    if (st === undefined) { st = this.lex.pairState(prev); this.states.set(prev, st); }
    const b = this.lex.bigramFrom(st, form);
    return Math.log(Math.max((b + K * p) / (prevCount + K), (1 - LAMBDA_MAX) * p));
  }

  /**
   * Best form index per slot, with a local confidence for each choice. A slot with one form fixes
   * the path there, so only runs of ambiguous slots (with one fixed neighbour each side) are
   * decoded; most words are unambiguous, and this keeps repair fast.
   */
  decode(slots: Slot[]): Decision[] {
    const out: Decision[] = new Array<Decision>(slots.length);
    const fixed: Decision = { index: 0, confidence: 1, margin: Infinity };
    let i = 0;
    while (i < slots.length) {
      if (slots[i]!.core.forms.length === 1) { out[i] = fixed; i++; continue; }
      let j = i;
      while (j + 1 < slots.length && slots[j + 1]!.core.forms.length > 1) j++;
      const from = i > 0 ? i - 1 : i, to = j + 1 < slots.length ? j + 1 : j;
      const ds = this.viterbi(slots.slice(from, to + 1));
      for (let k = i; k <= j; k++) out[k] = ds[k - from]!;
      i = j + 1;
    }
    return out;
  }

  private viterbi(slots: Slot[]): Decision[] {
    const n = slots.length;
    if (n === 0) return [];
    const score: Float64Array[] = [];
    const back: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      const k = s.core.forms.length;
      const sc = new Float64Array(k), bp = new Int32Array(k);
      const em = s.core.emission;
      const close = s.sentenceEnd ? this.close(s.core) : null;
      if (i === 0 || s.sentenceStart) {
        let prevBest = 0, arg = 0;
        if (i > 0) { const ps = score[i - 1]!; prevBest = -Infinity; for (let q = 0; q < ps.length; q++) if (ps[q]! > prevBest) { prevBest = ps[q]!; arg = q; } }
        const open = this.open(s.core);
        for (let j = 0; j < k; j++) { sc[j] = prevBest + open[j]! + em[j]! + (close ? close[j]! : 0); bp[j] = arg; }
      } else {
        const ps = score[i - 1]!, t = this.trans(slots[i - 1]!.core, s.core);
        for (let j = 0; j < k; j++) {
          let best = -Infinity, arg = 0;
          for (let q = 0; q < ps.length; q++) {
            const v = ps[q]! + t[q * k + j]!;
            if (v > best) { best = v; arg = q; }
          }
          sc[j] = best + em[j]! + (close ? close[j]! : 0);
          bp[j] = arg;
        }
      }
      score.push(sc);
      back.push(bp);
    }
    const choice = new Int32Array(n);
    const last = score[n - 1]!;
    let lastArg = 0;
    for (let j = 1; j < last.length; j++) if (last[j]! > last[lastArg]!) lastArg = j;
    choice[n - 1] = lastArg;
    for (let i = n - 1; i > 0; i--) choice[i - 1] = back[i]![choice[i]!]!;

    // local confidence: each candidate scored with its neighbours fixed to the chosen path
    const out: Decision[] = [];
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      const k = s.core.forms.length;
      if (k === 1) { out.push({ index: 0, confidence: 1, margin: Infinity }); continue; }
      const close = s.sentenceEnd ? this.close(s.core) : null;
      const open = i === 0 || s.sentenceStart ? this.open(s.core) : null;
      const pt = open ? null : this.trans(slots[i - 1]!.core, s.core), pq = i > 0 ? choice[i - 1]! : 0;
      const nx = slots[i + 1];
      const nt = nx && !nx.sentenceStart ? this.trans(s.core, nx.core) : null, nq = nx ? choice[i + 1]! : 0, nk = nx ? nx.core.forms.length : 0;
      const local = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        let v = s.core.emission[j]! + (close ? close[j]! : 0);
        v += open ? open[j]! : pt![pq * k + j]!;
        if (nt) v += nt[j * nk + nq]!;
        local[j] = v;
      }
      const ci = choice[i]!;
      let mx = -Infinity, second = -Infinity;
      for (let j = 0; j < k; j++) { if (local[j]! > mx) mx = local[j]!; if (j !== ci && local[j]! > second) second = local[j]!; }
      let z = 0;
      for (let j = 0; j < k; j++) z += Math.exp(local[j]! - mx);
      out.push({ index: ci, confidence: Math.exp(local[ci]! - mx) / z, margin: local[ci]! - second });
    }
    return out;
  }
}
