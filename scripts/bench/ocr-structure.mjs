// Structure scores of every scanned fixture read by each OCR engine: the engines must not differ by more than a
// point per document. Converts ../shared/fixtures/scanned and scanned-hard with each engine and scores them with
// ../shared/eval/score-structure.mjs against gold/ (and gold-real/ for the real Kungsbacka minutes).
//
// usage: npm run build && node scripts/bench/ocr-structure.mjs [--fixtures DIR] [--eval DIR] [--engines native,wasm] [--jobs N]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => import(path.join(repo, 'dist', p));
const { convert } = await dist('convert.js');
const { OcrPool } = await dist('ocr/pool.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const beside = (p) => ['../shared/' + p, '../../shared/' + p].map((x) => path.resolve(repo, x)).find((x) => fs.existsSync(x));
const fixtures = path.resolve(option('--fixtures', beside('fixtures') ?? '../shared/fixtures'));
const evalDir = path.resolve(option('--eval', beside('eval') ?? '../shared/eval'));
const engines = option('--engines', 'native,wasm').split(',');
const jobs = Number(option('--jobs', String(os.availableParallelism())));
const sets = ['scanned', 'scanned-hard'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-structure-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

async function limited(items, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  }));
}

/** scores[engine][set/doc] = 0–100 */
const scores = {};
for (const engine of engines) {
  scores[engine] = {};
  const pool = new OcrPool({ jobs, engine });
  try {
    for (const set of sets) {
      const out = path.join(work, engine, set);
      fs.mkdirSync(out, { recursive: true });
      const files = fs.readdirSync(path.join(fixtures, set)).filter((f) => f.endsWith('.pdf'));
      await limited(files, 2, async (f) => {
        const minutes = await convert(path.join(fixtures, set, f), { ocrPool: pool });
        fs.writeFileSync(path.join(out, f.replace(/\.pdf$/, '.json')), JSON.stringify(minutes));
      });
      for (const gold of ['gold', 'gold-real']) {
        const r = JSON.parse(execFileSync(process.execPath, [path.join(evalDir, 'score-structure.mjs'), '--gold', path.join(evalDir, gold), '--pred', out, '--json'], { encoding: 'utf8' }));
        for (const [doc, v] of Object.entries(r.results)) if (!v.error) scores[engine][`${set}/${doc.replace(/\.json$/, '')}`] = v.score * 100;
      }
    }
  } finally {
    await pool.terminate();
  }
}

const docs = [...new Set(engines.flatMap((e) => Object.keys(scores[e])))].sort();
const width = Math.max(...docs.map((d) => d.length));
console.log(`${'document'.padEnd(width)}  ${engines.map((e) => e.padStart(7)).join('  ')}  difference`);
let worst = 0;
for (const d of docs) {
  const v = engines.map((e) => scores[e][d]);
  const diff = Math.max(...v) - Math.min(...v);
  worst = Math.max(worst, diff);
  console.log(`${d.padEnd(width)}  ${v.map((x) => (x === undefined ? '-' : x.toFixed(1)).padStart(7)).join('  ')}  ${diff.toFixed(1).padStart(10)}`);
}
console.log(`largest difference between engines: ${worst.toFixed(1)} points (goal: at most 1)`);
