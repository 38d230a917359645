// Loads the generated Swedish lexicon (a DAWG of word forms) and n-gram counts from data/lexicon.
import { readFileSync } from 'node:fs';

/** Role bits stored with each word form (see scripts/lexicon/hunspell.mjs). */
export const ROLE = {
  WORD: 1,
  BEGIN: 2,
  MIDDLE: 4,
  END: 8,
  PROPER: 16,
  RARE: 32,
  CAPS: 64,
  NAME: 128,
} as const;

const LAST = 0x80000000;

export interface Lexicon {
  /** Letter code of a lowercase character, or -1 when no word contains it. */
  code(ch: string): number;
  char(code: number): string;
  /** Edge index of the child reached by `code` from node `node`, or -1. */
  child(node: number, code: number): number;
  /** Target node of an edge. */
  target(edge: number): number;
  /** Role bits of the word ending at `node`, 0 when none ends there. */
  roles(node: number): number;
  /** Role bits of an exact lowercase form, 0 when unknown. */
  lookup(word: string): number;
  /** Weighted corpus count of a lowercase word, 0 when unseen. */
  unigram(word: string): number;
  /** Weighted corpus count of a word pair, 0 when unseen or pruned. */
  bigram(a: string, b: string): number;
  /** The same, from pairState(a): saves rebuilding "a b" for every b tried after one a. */
  bigramFrom(state: number, b: string): number;
  pairState(a: string): number;
  readonly tokens: number;
  readonly loadMs: number;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function find(hashes: Uint32Array, h: number): number {
  let lo = 0, hi = hashes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = hashes[mid]!;
    if (v === h) return mid;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function dataFile(name: string): Buffer {
  // src/repair and dist/repair both sit two levels below the package root, beside data/
  return readFileSync(new URL(`../../data/lexicon/${name}`, import.meta.url));
}

function load(): Lexicon {
  const t0 = performance.now();
  const dawg = dataFile('words.dawg');
  if (dawg.toString('latin1', 0, 4) !== 'PKD2') throw new Error('data/lexicon/words.dawg: bad magic');
  const edges = dawg.readUInt32LE(4);
  const alphaLen = dawg.readUInt32LE(8);
  const nCombos = dawg.readUInt32LE(12);
  // labels 1..127 number the role combinations listed here
  const roleTable: number[] = [];
  for (let i = 0; i <= nCombos; i++) roleTable.push(dawg.readUInt16LE(16 + i * 2));
  let off = 16 + (nCombos + 1) * 2;
  const alphabet = dawg.toString('utf16le', off, off + alphaLen * 2);
  off += alphaLen * 2;
  off += (4 - (off % 4)) % 4;
  // copy so the typed arrays are aligned whatever Buffer pool offset readFileSync gave us
  const next = new Uint32Array(dawg.buffer.slice(dawg.byteOffset + off, dawg.byteOffset + off + edges * 4));
  const label = new Uint8Array(dawg.buffer, dawg.byteOffset + off + edges * 4, edges);
  const codes = new Map<string, number>();
  for (let i = 0; i < alphabet.length; i++) codes.set(alphabet[i]!, 128 + i);

  const ng = dataFile('ngrams.bin');
  if (ng.toString('latin1', 0, 4) !== 'PKN1') throw new Error('data/lexicon/ngrams.bin: bad magic');
  const nu = ng.readUInt32LE(4), nb = ng.readUInt32LE(8), tokens = ng.readUInt32LE(12);
  const body = ng.buffer.slice(ng.byteOffset + 16, ng.byteOffset + ng.length);
  const uh = new Uint32Array(body, 0, nu);
  const bh = new Uint32Array(body, nu * 4, nb);
  const uq = new Uint8Array(body, (nu + nb) * 4, nu);
  const bq = new Uint8Array(body, (nu + nb) * 4 + nu, nb);
  const dequant = (q: number): number => Math.exp(q / 16);

  const child = (node: number, c: number): number => {
    for (let e = node; ; e++) {
      if (label[e] === c) return e;
      if (next[e]! & LAST) return -1;
    }
  };
  const roles = (node: number): number => {
    // role labels (< 128) sort before letters, so they come first in a node's run
    const l = label[node]!;
    return l < 128 ? roleTable[l] ?? 0 : 0;
  };
  const lex: Lexicon = {
    code: (ch) => codes.get(ch) ?? -1,
    char: (c) => alphabet[c - 128] ?? '',
    child,
    target: (e) => next[e]! & ~LAST,
    roles,
    lookup(word) {
      let node = 0;
      for (const ch of word) {
        const c = codes.get(ch);
        if (c === undefined) return 0;
        const e = child(node, c);
        if (e < 0) return 0;
        node = next[e]! & ~LAST;
        if (node === 0) return 0;
      }
      return roles(node);
    },
    unigram(word) {
      const i = find(uh, fnv1a(word));
      return i < 0 ? 0 : dequant(uq[i]!);
    },
    bigram(a, b) {
      const i = find(bh, fnv1a(`${a} ${b}`));
      return i < 0 ? 0 : dequant(bq[i]!);
    },
    pairState(a) {
      let h = 0x811c9dc5;
      for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), 0x01000193);
      return Math.imul(h ^ 32, 0x01000193);
    },
    bigramFrom(state, b) {
      let h = state;
      for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
      const i = find(bh, h >>> 0);
      return i < 0 ? 0 : dequant(bq[i]!);
    },
    tokens,
    loadMs: 0,
  };
  return { ...lex, loadMs: performance.now() - t0 };
}

let cached: Lexicon | null = null;

/** The lexicon, loaded on first use and shared by every later call. */
export function lexicon(): Lexicon {
  cached ??= load();
  return cached;
}
