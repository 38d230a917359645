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
    } else if (c === 0) c = roles ? 0.3 : 0.005;
    if (roles & ROLE.RARE) c *= 0.1;
    this.uniCache.set(key, c);
    return c;
  }

  private counts(core: SlotCore): number[] {
    core.counts ??= core.forms.map((f, k) => this.count(f, core.heads[k]!, core.firsts[k]!, core.roles[k]!));
    return core.counts;
  }

  private readonly states = new Map<string, number>();

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
    const counts = slots.map((s) => this.counts(s.core));
    const startCount = Math.max(1, this.lex.unigram('<s>'));
    const score: Float64Array[] = [];
    const back: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      const k = s.core.forms.length;
      const sc = new Float64Array(k), bp = new Int32Array(k);
      for (let j = 0; j < k; j++) {
        const form = s.core.forms[j]!, c = counts[i]![j]!;
        if (i === 0 || s.sentenceStart) {
          let best = -Infinity, arg = 0;
          const prevBest = i === 0 ? 0 : Math.max(...score[i - 1]!);
          if (i > 0) arg = score[i - 1]!.indexOf(prevBest);
          best = prevBest + this.logTrans('<s>', startCount, form, c);
          sc[j] = best + s.core.emission[j]! + (s.sentenceEnd ? this.logTrans(form, c, '</s>', startCount) : 0);
          bp[j] = arg;
          continue;
        }
        const p = slots[i - 1]!;
        let best = -Infinity, arg = 0;
        for (let q = 0; q < p.core.forms.length; q++) {
          const v = score[i - 1]![q]! + this.logTrans(p.core.forms[q]!, counts[i - 1]![q]!, form, c);
          if (v > best) { best = v; arg = q; }
        }
        sc[j] = best + s.core.emission[j]! + (s.sentenceEnd ? this.logTrans(form, c, '</s>', startCount) : 0);
        bp[j] = arg;
      }
      score.push(sc);
      back.push(bp);
    }
    const choice = new Int32Array(n);
    const last = score[n - 1]!;
    choice[n - 1] = last.indexOf(Math.max(...last));
    for (let i = n - 1; i > 0; i--) choice[i - 1] = back[i]![choice[i]!]!;

    // local confidence: each candidate scored with its neighbours fixed to the chosen path
    const out: Decision[] = [];
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      if (s.core.forms.length === 1) { out.push({ index: 0, confidence: 1, margin: Infinity }); continue; }
      const local = s.core.forms.map((form, j) => {
        const c = counts[i]![j]!;
        let v = s.core.emission[j]! + (s.sentenceEnd ? this.logTrans(form, c, '</s>', startCount) : 0);
        if (i === 0 || s.sentenceStart) v += this.logTrans('<s>', startCount, form, c);
        else { const q = choice[i - 1]!; v += this.logTrans(slots[i - 1]!.core.forms[q]!, counts[i - 1]![q]!, form, c); }
        const nx = slots[i + 1];
        if (nx && !nx.sentenceStart) { const q = choice[i + 1]!; v += this.logTrans(form, c, nx.core.forms[q]!, counts[i + 1]![q]!); }
        return v;
      });
      const ci = choice[i]!;
      const mx = Math.max(...local);
      const z = local.reduce((a, v) => a + Math.exp(v - mx), 0);
      const second = Math.max(...local.filter((_, j) => j !== ci));
      out.push({ index: ci, confidence: Math.exp(local[ci]! - mx) / z, margin: local[ci]! - second });
    }
    return out;
  }
}
