// Bench: born-digital PDF conversion (pages/s) next to pdftotext on the same files, and cold start of the CLI.
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { convert } from '../../dist/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const pdfs = fs.readdirSync(path.join(root, 'fixtures'))
  .filter((d) => d.startsWith('pdf-'))
  .map((d) => path.join(root, 'fixtures', d, 'input.pdf'));

async function pagesOf(file) {
  return (await convert(file)).source.pages.length;
}

const perRound = (await Promise.all(pdfs.map(pagesOf))).reduce((a, b) => a + b, 0);
const rounds = Math.ceil(100 / perRound);
const total = perRound * rounds;

// protokoll in one process, all stages (read, clean, repair, segment, validate), against pdftotext on the same
// files (text extraction only). Each is timed three times, alternately, and the best time counts: noise from
// other load on the machine only ever adds time.
await convert(pdfs[0]); // warm the lexicon and pdf.js once, as a batch would
const hasPdftotext = spawnSync('pdftotext', ['-v']).status !== null;
let ours = Infinity;
let theirs = hasPdftotext ? Infinity : null;
for (let trial = 0; trial < 3; trial++) {
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of pdfs) await convert(f);
  ours = Math.min(ours, (performance.now() - t0) / 1000);
  if (hasPdftotext) {
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const f of pdfs) execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    theirs = Math.min(theirs, (performance.now() - t0) / 1000);
  }
}

// cold start: a new process converting one small text file, median of several runs
const small = path.join(root, 'fixtures', 'text-gr-kommunchefer', 'input.txt');
const cold = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'protokoll.js'), 'convert', small], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`convert failed: ${r.stderr}`);
  cold.push((performance.now() - s) / 1000);
}
cold.sort((a, b) => a - b);

const f2 = (x) => x.toFixed(2);
console.log(`born-digital PDFs: ${total} pages (${pdfs.length} fixtures × ${rounds}), one process, ${os.cpus().length} cores`);
console.log(`  protokoll   ${f2(total / ours)} pages/s  (${f2(ours)} s, all stages)`);
if (theirs !== null) {
  console.log(`  pdftotext   ${f2(total / theirs)} pages/s  (${f2(theirs)} s, text only, one process per file)`);
  console.log(`  ratio       protokoll takes ${f2(ours / theirs)}× pdftotext's time per page (goal: within 3×)`);
} else console.log('  pdftotext   skipped: not installed (apt-get install poppler-utils)');
console.log(`cold start: convert one small text file: median ${f2(cold[3])} s (min ${f2(cold[0])}, max ${f2(cold[6])}; goal under 0.5 s)`);
