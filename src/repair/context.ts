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

  // scratch for the decoder, grown as needed and reused across runs and calls
  private score = new Float64Array(256);
  private back = new Int32Array(256);
  private offs = new Int32Array(64);
  private choice = new Int32Array(64);

  /**
   * Best form index per slot (into `index`), with a local confidence for each choice (into
   * `confidence`). Slot i is `cores[i]`; `flags[i]` has bit 1 when a sentence starts there and bit
   * 2 when one ends after it. A slot with one form fixes the path there, so only runs of ambiguous
   * slots (with one fixed neighbour each side) are decoded; most words are unambiguous, and this
   * keeps repair fast.
   */
  decode(cores: readonly SlotCore[], flags: ArrayLike<number>, index: Int32Array, confidence: Float64Array): void {
    const n = cores.length;
    let i = 0;
    while (i < n) {
      if (cores[i]!.forms.length === 1) { index[i] = 0; confidence[i] = 1; i++; continue; }
      let j = i;
      while (j + 1 < n && cores[j + 1]!.forms.length > 1) j++;
      const from = i > 0 ? i - 1 : i, to = j + 1 < n ? j + 1 : j;
      this.viterbi(cores, flags, from, to, i, j, index, confidence);
      i = j + 1;
    }
  }

  /** Decodes slots from..to and writes the decisions for slots i..j (within them). */
  private viterbi(cores: readonly SlotCore[], flags: ArrayLike<number>, from: number, to: number, i0: number, j0: number, index: Int32Array, confidence: Float64Array): void {
    const n = to - from + 1;
    if (this.offs.length < n + 1) { this.offs = new Int32Array(2 * n + 2); this.choice = new Int32Array(2 * n + 2); }
    const offs = this.offs;
    offs[0] = 0;
    for (let i = 0; i < n; i++) offs[i + 1] = offs[i]! + cores[from + i]!.forms.length;
    if (this.score.length < offs[n]!) { this.score = new Float64Array(2 * offs[n]!); this.back = new Int32Array(2 * offs[n]!); }
    const score = this.score, back = this.back;
    for (let i = 0; i < n; i++) {
      const c = cores[from + i]!, f = flags[from + i]!;
      const k = c.forms.length, o = offs[i]!;
      const em = c.emission;
      const close = f & 2 ? this.close(c) : null;
      if (i === 0 || f & 1) {
        let prevBest = 0, arg = 0;
        if (i > 0) {
          const po = offs[i - 1]!, pk = o - po;
          prevBest = -Infinity;
          for (let q = 0; q < pk; q++) if (score[po + q]! > prevBest) { prevBest = score[po + q]!; arg = q; }
        }
        const open = this.open(c);
        for (let j = 0; j < k; j++) { score[o + j] = prevBest + open[j]! + em[j]! + (close ? close[j]! : 0); back[o + j] = arg; }
      } else {
        const po = offs[i - 1]!, pk = o - po, t = this.trans(cores[from + i - 1]!, c);
        for (let j = 0; j < k; j++) {
          let best = -Infinity, arg = 0;
          for (let q = 0; q < pk; q++) {
            const v = score[po + q]! + t[q * k + j]!;
            if (v > best) { best = v; arg = q; }
          }
          score[o + j] = best + em[j]! + (close ? close[j]! : 0);
          back[o + j] = arg;
        }
      }
    }
    const choice = this.choice;
    const lo = offs[n - 1]!, lk = offs[n]! - lo;
    let lastArg = 0;
    for (let j = 1; j < lk; j++) if (score[lo + j]! > score[lo + lastArg]!) lastArg = j;
    choice[n - 1] = lastArg;
    for (let i = n - 1; i > 0; i--) choice[i - 1] = back[offs[i]! + choice[i]!]!;

    // local confidence: each candidate scored with its neighbours fixed to the chosen path
    for (let g = i0; g <= j0; g++) {
      const i = g - from;
      const c = cores[g]!, f = flags[g]!;
      const k = c.forms.length;
      if (k === 1) { index[g] = 0; confidence[g] = 1; continue; }
      const close = f & 2 ? this.close(c) : null;
      const open = i === 0 || f & 1 ? this.open(c) : null;
      const pt = open ? null : this.trans(cores[g - 1]!, c), pq = i > 0 ? choice[i - 1]! : 0;
      const hasNext = i + 1 < n;
      const nx = hasNext ? cores[g + 1]! : null;
      const nt = nx && !(flags[g + 1]! & 1) ? this.trans(c, nx) : null, nq = hasNext ? choice[i + 1]! : 0, nk = nx ? nx.forms.length : 0;
      const ci = choice[i]!;
      // the local scores go where this slot's forward scores were: they are no longer needed
      const o = offs[i]!;
      let mx = -Infinity, second = -Infinity;
      for (let j = 0; j < k; j++) {
        let v = c.emission[j]! + (close ? close[j]! : 0);
        v += open ? open[j]! : pt![pq * k + j]!;
        if (nt) v += nt[j * nk + nq]!;
        score[o + j] = v;
        if (v > mx) mx = v;
        if (j !== ci && v > second) second = v;
      }
      let z = 0;
      for (let j = 0; j < k; j++) z += Math.exp(score[o + j]! - mx);
      index[g] = ci;
      confidence[g] = Math.exp(score[o + ci]! - mx) / z;
    }
  }
}
