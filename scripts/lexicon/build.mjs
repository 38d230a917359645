#!/usr/bin/env node
// Generates data/lexicon/{words.dawg,ngrams.bin}: the Swedish lexicon and n-gram counts that the
// repair stage (src/repair) loads. See README.md beside this file for sources, licences and how to
// rerun. Needs apt-get, dpkg-deb and tesseract's combine_tessdata/dawg2wordlist (generation time
// only; the output is committed).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseAff, expandDic, ROLE } from './hunspell.mjs';
import { buildDawg, pack } from './dawg.mjs';
import { gazetteerWords, ACRONYMS } from './gazetteer.mjs';
import { packageParagraphs, isSwedish, sentences, isInstruction } from './corpus.mjs';
import { GENERAL_SWEDISH_PER_MILLION } from './domain-prior.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(root, 'data/lexicon');
const cache = process.env.LEXICON_CACHE ?? '/tmp/protokoll-lexicon-cache';

/** Debian packages whose Swedish text we count, with a weight per token (prose counts more). */
export const SOURCES = [
  { pkg: 'cfi-sv', weight: 3, licence: 'public domain (Linus Walleij, "Copyright finns inte")' },
  { pkg: 'libreoffice-help-sv', weight: 1, licence: 'MPL-2.0' },
  { pkg: 'libreoffice-l10n-sv', weight: 0.5, licence: 'MPL-2.0' },
  { pkg: 'gnome-user-docs', weight: 1, licence: 'CC-BY-SA-3.0', only: '/help/sv/' },
  { pkg: 'manpages-sv', weight: 1, licence: 'GPL-3+' },
  { pkg: 'gimp-help-sv', weight: 1, licence: 'GFDL-1.2+' },
  { pkg: 'lifelines-doc-sv', weight: 1, licence: 'MIT/X11-style (LifeLines)' },
  { pkg: 'debian-edu-doc-legacy-sv', weight: 1, licence: 'GPL-2+ / CC-BY-SA-3.0' },
];

// Role bit beyond hunspell's: written in capitals (an acronym such as AI, IT, EU).
const CAPS = 64;
// Role bit: written with a capital by at least one source (may be a name, may also be a word).
const NAME = 128;

// ---------------------------------------------------------------- lexicon
function buildLexicon() {
  const dictDir = path.join(root, 'node_modules/dictionary-sv');
  const aff = parseAff(fs.readFileSync(path.join(dictDir, 'index.aff'), 'utf8'));
  const forms = new Map(); // lowercase form -> roles
  const allowed = /^[a-zàáâãäåæçèéêëíïñóôöøúûüāăćčęğłńňőřśşšźž0-9'.:-]+$/;
  const add = (form, roles) => {
    const lower = form.toLowerCase();
    if (!allowed.test(lower) || lower.length > 60) return;
    let r = roles;
    if (/^\p{Lu}{2,}$/u.test(form)) r |= CAPS;
    if (r & ROLE.PROPER) r |= NAME;
    const old = forms.get(lower);
    if (old === undefined) return void forms.set(lower, r);
    // "only a name" and "only in capitals" hold when every source says so
    const both = old & r & (ROLE.PROPER | CAPS);
    forms.set(lower, ((old | r) & ~(ROLE.PROPER | CAPS)) | both);
  };
  expandDic(fs.readFileSync(path.join(dictDir, 'index.dic'), 'utf8'), aff, add);
  for (const w of gazetteerWords()) add(w, ROLE.WORD | ROLE.PROPER | ROLE.BEGIN);
  for (const w of ACRONYMS) add(w, ROLE.WORD);
  return forms;
}

// ---------------------------------------------------------------- corpus
function fetchPackage(pkg) {
  const dir = path.join(cache, pkg);
  if (fs.existsSync(path.join(dir, '.done'))) return dir;
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('apt-get', ['download', pkg], { cwd: cache, stdio: 'inherit' });
  const deb = fs.readdirSync(cache).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg} gave no .deb`);
  execFileSync('dpkg-deb', ['-x', path.join(cache, deb), dir]);
  fs.writeFileSync(path.join(dir, '.done'), '');
  return dir;
}

function countCorpus() {
  const uni = new Map(), bi = new Map();
  let tokens = 0;
  const bump = (m, k, w) => m.set(k, (m.get(k) ?? 0) + w);
  for (const src of SOURCES) {
    const dir = fetchPackage(src.pkg);
    const seen = new Set(); // help files repeat boilerplate paragraphs; count each once
    let kept = 0, toks = 0;
    for (const p of packageParagraphs(dir, src.only)) {
      if (seen.has(p)) continue;
      seen.add(p);
      const ss = sentences(p);
      if (!isSwedish(ss.flat())) continue;
      kept++;
      for (const s of ss) {
        const weight = src.weight * (isInstruction(s) ? 0.15 : 1);
        let prev = '<s>';
        for (const w of s) {
          bump(uni, w, weight);
          bump(bi, `${prev} ${w}`, weight);
          prev = w;
          toks++;
        }
        bump(bi, `${prev} </s>`, weight);
        bump(uni, '<s>', weight);
      }
    }
    tokens += toks * src.weight;
    console.error(`${src.pkg}: ${kept} paragraphs, ${toks} tokens`);
  }
  return { uni, bi, tokens };
}

// Tesseract's Swedish model (npm @tesseract.js-data/swe, a dependency of this project; the same
// data as Debian's tesseract-ocr-swe, Apache-2.0) carries a list of ~245,000 frequent word pairs
// from Swedish web text. Web text is closer to minutes than software help, so each pair present
// adds a pseudo-count, and a word's number of pairs serves as a second frequency estimate.
function tesseractBigrams() {
  const gz = path.join(root, 'node_modules/@tesseract.js-data/swe/4.0.0/swe.traineddata.gz');
  const dir = path.join(cache, 'tesseract');
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, 'bigram.txt');
  if (!fs.existsSync(out)) {
    fs.writeFileSync(path.join(dir, 'swe.traineddata'), zlib.gunzipSync(fs.readFileSync(gz)));
    // combine_tessdata and dawg2wordlist come with Debian's tesseract-ocr / libtesseract-dev
    execFileSync('combine_tessdata', ['-u', 'swe.traineddata', 'swe.'], { cwd: dir, stdio: 'ignore' });
    execFileSync('dawg2wordlist', ['swe.unicharset', 'swe.bigram-dawg', 'bigram.txt'], { cwd: dir, stdio: 'ignore' });
  }
  const pairs = [];
  for (const line of fs.readFileSync(out, 'utf8').split('\n')) {
    const [a, b] = line.toLowerCase().normalize('NFC').split(' ');
    if (a && b && /^\p{L}+$/u.test(a) && /^\p{L}+$/u.test(b)) pairs.push([a, b]);
  }
  // Web text includes some typed without å/ä/ö ("det ar"); where the same pair also occurs with
  // more diacritics, the bare one is such a copy and would teach the model the damage.
  const marks = (w) => (w.match(/[åäö]/g) ?? []).length;
  const best = new Map();
  for (const [a, b] of pairs) {
    const k = `${fold(a)} ${fold(b)}`;
    best.set(k, Math.max(best.get(k) ?? 0, marks(a) + marks(b)));
  }
  return pairs.filter(([a, b]) => marks(a) + marks(b) === best.get(`${fold(a)} ${fold(b)}`));
  return pairs;
}

// ---------------------------------------------------------------- packing
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const quant = (c) => Math.min(255, Math.max(0, Math.round(Math.log(Math.max(c, 1)) * 16)));

function packTable(entries) {
  const rows = entries.map(([k, c]) => [fnv1a(k), quant(c)]).sort((a, b) => a[0] - b[0]);
  const hashes = new Uint32Array(rows.length), q = new Uint8Array(rows.length);
  let n = 0;
  for (const [h, v] of rows) {
    if (n && hashes[n - 1] === h) { q[n - 1] = Math.max(q[n - 1], v); continue; }
    hashes[n] = h; q[n] = v; n++;
  }
  return { hashes: hashes.subarray(0, n), q: q.subarray(0, n) };
}

const fold = (w) => w.replace(/[åä]/g, 'a').replace(/ö/g, 'o');

function main() {
  fs.mkdirSync(outDir, { recursive: true });
  fs.mkdirSync(cache, { recursive: true });
  console.error('expanding dictionary-sv …');
  const forms = buildLexicon();
  console.error(`${forms.size} forms`);

  // role combinations, numbered: a label (1..127) stands for one combination of role bits
  const combos = [...new Set(forms.values())].sort((a, b) => a - b);
  if (combos.length > 127) throw new Error('too many role combinations');
  const comboIndex = new Map(combos.map((r, i) => [r, i + 1]));
  // alphabet: role labels are codes 1..127, letters 128..255
  const chars = new Set();
  for (const f of forms.keys()) for (const ch of f) chars.add(ch);
  const alphabet = [...chars].sort();
  if (alphabet.length > 128) throw new Error('alphabet too large');
  const code = new Map(alphabet.map((c, i) => [c, 128 + i]));
  const seqs = [...forms].map(([f, r]) => String.fromCharCode(...[...f].map((c) => code.get(c)), comboIndex.get(r)));
  seqs.sort();
  const dawg = pack(buildDawg(seqs.map((s) => [...s].map((c) => c.charCodeAt(0)))));
  console.error(`dawg: ${dawg.edges} edges`);
  const alpha = Buffer.from(alphabet.join(''), 'utf16le');
  const head = Buffer.alloc(16);
  head.write('PKD2', 0, 'latin1');
  head.writeUInt32LE(dawg.edges, 4);
  head.writeUInt32LE(alphabet.length, 8);
  head.writeUInt32LE(combos.length, 12);
  const roleTable = Buffer.from(new Uint16Array([0, ...combos]).buffer);
  const body = Buffer.concat([head, Buffer.from(roleTable), alpha]);
  const pad = Buffer.alloc((4 - (body.length % 4)) % 4);
  fs.writeFileSync(path.join(outDir, 'words.dawg'), Buffer.concat([body, pad, Buffer.from(dawg.next.buffer), Buffer.from(dawg.label.buffer)]));

  console.error('counting corpus …');
  const { uni, bi, tokens } = countCorpus();
  const pairs = tesseractBigrams();
  const degree = new Map();
  for (const [a, b] of [...new Set(pairs.map((p) => p.join(' ')))].map((k) => k.split(' '))) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  for (const [w, d] of degree) uni.set(w, 0.5 * (uni.get(w) ?? 0) + d);
  for (const [k, c] of bi) bi.set(k, 0.5 * c);
  for (const k of new Set(pairs.map(([a, b]) => `${a} ${b}`))) bi.set(k, (bi.get(k) ?? 0) + 3);
  console.error(`tesseract: ${pairs.length} word pairs`);
  const total = [...uni].reduce((a, [w, c]) => (w === '<s>' ? a : a + c), 0);
  // Correct the help-text bias ("Så här …" makes "här" outnumber "har") by blending the counts of
  // common function words with their share in general Swedish prose.
  for (const [w, perMillion] of Object.entries(GENERAL_SWEDISH_PER_MILLION)) {
    const prior = (perMillion * total) / 1e6;
    uni.set(w, 0.5 * (uni.get(w) ?? 0) + 0.5 * prior);
  }
  // place names and public bodies are far likelier in minutes than an average dictionary name
  for (const w of gazetteerWords()) {
    const k = w.toLowerCase();
    uni.set(k, Math.max(uni.get(k) ?? 0, (20 * total) / 1e6));
  }
  // which forms compete with another form for the same letters without diacritics
  const byKey = new Map();
  for (const [f, r] of forms) {
    if (!(r & ROLE.WORD)) continue;
    const k = fold(f);
    byKey.set(k, (byKey.get(k) ?? 0) + 1);
  }
  const ambiguous = (w) => w === '<s>' || w === '</s>' || w === '<num>' || (byKey.get(fold(w)) ?? 0) > 1 || /[åäö]/.test(w);
  const uniRows = [...uni].filter(([w, c]) => c >= 2 || forms.has(w));
  const biRows = [...bi].filter(([k, c]) => {
    if (c < 1.5) return false;
    const [a, b] = k.split(' ');
    return ambiguous(a) || ambiguous(b);
  });
  const U = packTable(uniRows), B = packTable(biRows);
  console.error(`unigrams ${U.hashes.length}, bigrams ${B.hashes.length}, mass ${Math.round(total)}`);
  const nh = Buffer.alloc(16);
  nh.write('PKN1', 0, 'latin1');
  nh.writeUInt32LE(U.hashes.length, 4);
  nh.writeUInt32LE(B.hashes.length, 8);
  nh.writeUInt32LE(Math.round(total), 12);
  fs.writeFileSync(path.join(outDir, 'ngrams.bin'), Buffer.concat([nh, Buffer.from(U.hashes.buffer, U.hashes.byteOffset, U.hashes.byteLength), Buffer.from(B.hashes.buffer, B.hashes.byteOffset, B.hashes.byteLength), Buffer.from(U.q), Buffer.from(B.q)]));
  fs.writeFileSync(path.join(outDir, 'SOURCES.json'), `${JSON.stringify({ generatedBy: 'scripts/lexicon/build.mjs', dictionary: 'dictionary-sv (hunspell, Göran Andersson, LGPL-3.0)', corpus: SOURCES.map(({ pkg, weight, licence }) => ({ debianPackage: pkg, weight, licence })), forms: forms.size, dawgEdges: dawg.edges, unigrams: U.hashes.length, bigrams: B.hashes.length, weightedTokens: Math.round(total) }, null, 2)}\n`);
}

main();
