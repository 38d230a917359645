#!/usr/bin/env node
// Converts every evaluation set with the built CLI and scores it with the shared structure scorer.
// usage: node scripts/eval/score-sets.mjs [--sets text,pdf,synthetic,real] [--shared ../shared] [--cli DIR] [--detail]
// Sets: a folder of case folders (synthetic-*/input.txt + gold.json), or text, pdf, scanned, hard (the seed fixtures as text, born-digital PDF, clean scan, hard scan),
// synthetic (this project's hand-annotated fixtures), real, real-hard (the real minutes and their degraded scans).
// The shared folder (fixtures, gold, scorer) is not part of this repository; the script says so when it is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const shared = path.resolve(root, opt('--shared', '../shared'));
const sets = opt('--sets', 'text,pdf,synthetic,real').split(',');
const detail = args.includes('--detail');
const scorer = path.join(shared, 'eval/score-structure.mjs');
if (!fs.existsSync(scorer)) {
  console.error(`score-sets: no scorer at ${scorer} (pass --shared DIR)`);
  process.exit(2);
}
// --cli DIR scores another build (an older commit checked out elsewhere) on the same sets.
const cli = path.join(path.resolve(opt('--cli', root)), 'bin/protokoll.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-score-'));

/** Each set: the inputs to convert (copied under the gold's names) and the gold folder. */
function setFiles(name) {
  const f = (dir) => path.join(shared, 'fixtures', dir);
  const seedsGold = path.join(shared, 'eval/gold');
  const realGold = path.join(shared, 'eval/gold-real');
  const list = (dir, ext) => fs.readdirSync(dir).filter((x) => x.endsWith(ext)).map((x) => ({ stem: x.slice(0, -ext.length), file: path.join(dir, x) }));
  switch (name) {
    case 'text': return { gold: seedsGold, inputs: list(f('text'), '.txt') };
    case 'pdf': return { gold: seedsGold, inputs: list(f('pdf'), '.pdf') };
    case 'scanned': return { gold: seedsGold, inputs: list(f('scanned'), '.pdf') };
    case 'hard': return { gold: seedsGold, inputs: list(f('scanned-hard'), '.pdf').filter((x) => fs.existsSync(path.join(seedsGold, `${x.stem}.json`))) };
    case 'real': return { gold: realGold, inputs: list(f('real'), '.txt') };
    case 'real-hard': return { gold: realGold, inputs: list(f('scanned-hard'), '.pdf').filter((x) => fs.existsSync(path.join(realGold, `${x.stem}.json`))) };
    case 'synthetic': return caseFolders(path.join(root, 'fixtures'), name);
    default:
      // Any folder of case folders, each with input.* and gold.json (new synthetic minutes before they are pinned).
      if (fs.existsSync(name) && fs.statSync(name).isDirectory()) return caseFolders(path.resolve(name), path.basename(name));
      throw new Error(`unknown set ${name}`);
  }
}

/** Case folders named synthetic-* with input.txt (or .pdf) and gold.json. */
function caseFolders(dir, label) {
  const dirs = fs.readdirSync(dir).filter((d) => d.startsWith('synthetic-') && fs.existsSync(path.join(dir, d, 'gold.json')));
  const gold = path.join(tmp, `${label}-gold`);
  fs.mkdirSync(gold, { recursive: true });
  for (const d of dirs) fs.copyFileSync(path.join(dir, d, 'gold.json'), path.join(gold, `${d}.json`));
  const input = (d) => path.join(dir, d, fs.readdirSync(path.join(dir, d)).find((f) => /^input\.(txt|md|pdf|png)$/.test(f)));
  return { gold, inputs: dirs.map((d) => ({ stem: d, file: input(d) })) };
}

/** A gold folder holding only the documents a set has inputs for (the hard scans cover a few of the gold's documents). */
function goldFor(gold, inputs, label) {
  const all = fs.readdirSync(gold).filter((f) => f.endsWith('.json'));
  if (all.every((f) => inputs.some((x) => `${x.stem}.json` === f))) return gold;
  const dir = path.join(tmp, `${label}-gold-subset`);
  fs.mkdirSync(dir, { recursive: true });
  for (const x of inputs) fs.copyFileSync(path.join(gold, `${x.stem}.json`), path.join(dir, `${x.stem}.json`));
  return dir;
}

for (const name of sets) {
  const { gold: allGold, inputs } = setFiles(name);
  const label = path.basename(name);
  const gold = goldFor(allGold, inputs, label);
  const inDir = path.join(tmp, label, 'in');
  const outDir = path.join(tmp, label, 'out');
  fs.mkdirSync(inDir, { recursive: true });
  for (const { stem, file } of inputs) fs.copyFileSync(file, path.join(inDir, stem + path.extname(file)));
  try {
    execFileSync(process.execPath, [cli, 'convert', inDir, '-o', outDir, '--format', 'json', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch { /* failed inputs score 0 below */ }
  const out = execFileSync(process.execPath, [scorer, '--gold', gold, '--pred', outDir], { encoding: 'utf8' });
  const overall = /overall structure score: ([\d.]+)/.exec(out)?.[1];
  if (detail) console.log(`== ${name}\n${out}`);
  else console.log(`${label.padEnd(10)} ${overall}   ${out.split('\n').slice(1, -2).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' ')).map((s) => s.replace(/\.json /, ' ')).join(' · ')}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
