// Bench: peak memory of one batch of 10 inputs against one of 500 (fixtures repeated); the goal is at most 2×.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { treeRssMb } from './process-memory.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// Text and born-digital PDFs whose text layer is intact, so the batch measures conversion, not OCR.
const sources = fs.readdirSync(path.join(root, 'fixtures'))
  .filter((d) => /^(text-|pdf-(gr|halsingeradet|krf))/.test(d))
  .map((d) => {
    const dir = path.join(root, 'fixtures', d);
    const input = fs.readdirSync(dir).find((f) => /^input\.(txt|pdf)$/.test(f));
    return { name: d, file: path.join(dir, input) };
  });

async function batch(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `protokoll-bench-${n}-`));
  const inDir = path.join(dir, 'in');
  for (let i = 0; i < n; i++) {
    const s = sources[i % sources.length];
    const sub = path.join(inDir, String(Math.floor(i / 50)));
    fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(s.file, path.join(sub, `${s.name}-${i}${path.extname(s.file)}`));
  }
  const t0 = performance.now();
  const r = await run(process.execPath, ['--import', path.join(import.meta.dirname, 'rss-report.mjs'), path.join(root, 'bin', 'protokoll.js'),
    'convert', inDir, '-o', path.join(dir, 'out'), '--quiet']);
  const seconds = (performance.now() - t0) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  const kb = Number(/bench-maxrss-kb (\d+)/.exec(r.stderr)?.[1]);
  if (r.status !== 0 || !kb) throw new Error(`batch of ${n} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  return { mb: kb / 1024, treeMb: r.treeMb, seconds };
}

/** Runs the CLI, sampling the resident memory of it and its PDF reader processes together (Linux /proc). */
function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t) => (stderr += t));
  let treeMb = 0;
  const sampler = setInterval(() => { treeMb = Math.max(treeMb, treeRssMb(child.pid)); }, 50);
  return new Promise((resolve) => child.on('close', (status) => { clearInterval(sampler); resolve({ status, stderr, treeMb }); }));
}


const small = await batch(10);
const large = await batch(500);
console.log(`batch memory: peak RSS ${small.mb.toFixed(0)} MB for 10 inputs (${small.seconds.toFixed(1)} s), ${large.mb.toFixed(0)} MB for 500 inputs (${large.seconds.toFixed(1)} s)`);
if (large.treeMb > 0) console.log(`  with the PDF reader processes, sampled: ${small.treeMb.toFixed(0)} MB and ${large.treeMb.toFixed(0)} MB (${(large.treeMb / small.treeMb).toFixed(2)}×)`);
console.log(`  ratio ${(large.mb / small.mb).toFixed(2)}× (goal: at most 2×); ${(500 / large.seconds).toFixed(1)} inputs/s on ${os.availableParallelism()} cores`);
