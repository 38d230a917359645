// The long fuzz run: thousands of seeded mutations of the fixture PDFs and images, each converted by the library in a
// child process this script watches, and counted as converted, refused (a typed, documented error), crash or hang.
//
//   node scripts/fuzz/run.mjs [--cases 2000] [--seed 1] [--jobs 2] [--keep DIR]
//
// Prints cases, converted, refused, crashes, hangs, the longest case and the peak memory of protokoll with its PDF
// readers and OCR threads. --keep DIR writes every crashing or hanging case there, to reproduce it.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutate } from './mutate.mjs';
import { processTree, treeRssMb } from '../bench/process-memory.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

/** The limits every case runs under; a case still running this long after them is a hang. */
const LIMITS = { pdfPageTimeoutMs: 10_000, pdfTimeoutMs: 30_000, pageTimeoutMs: 60_000 };
const HANG_MS = 240_000;

function sources() {
  const fixtures = path.join(root, 'fixtures');
  const list = fs.readdirSync(fixtures).filter((d) => d.startsWith('pdf-')).map((d) => ({ name: d, format: 'pdf', bytes: fs.readFileSync(path.join(fixtures, d, 'input.pdf')) }));
  list.push({ name: 'ocr-mixed', format: 'pdf', bytes: fs.readFileSync(path.join(fixtures, 'ocr/mixed.pdf')) });
  for (const f of ['flate-bad.pdf', 'hugemediabox-03.pdf', 'pdf-jpx-page.pdf', 'deepform-02.pdf']) {
    list.push({ name: f, format: 'pdf', bytes: fs.readFileSync(path.join(fixtures, 'adversarial', f)) });
  }
  list.push({ name: 'familjen-p1-top.png', format: 'png', bytes: fs.readFileSync(path.join(fixtures, 'ocr/familjen-p1-top.png')) });
  list.push({ name: 'two-pages.tif', format: 'tiff', bytes: fs.readFileSync(path.join(fixtures, 'ocr/two-pages.tif')) });
  return list;
}

// ---- the child: converts the cases it is sent, one message per result ----
if (process.argv.includes('--child')) {
  const { convert, ProtokollError } = await import(path.join(root, 'dist/index.js'));
  const { OcrPool } = await import(path.join(root, 'dist/ocr/pool.js'));
  const { PdfReaderPool } = await import(path.join(root, 'dist/input/pdf-reader/pool.js'));
  const documented = new Set([...fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]));
  // Anything a library prints in this process is a finding: the CLI's stderr must hold nothing but its one line.
  let printed = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk, ...rest) => { printed += String(chunk); return write(chunk, ...rest); };
  const seed = Number(arg('seed', 1));
  const all = sources();
  const jobs = Number(arg('jobs', 2));
  const ocrPool = new OcrPool({ jobs });
  const pdfReaders = new PdfReaderPool({ maxIdle: jobs });
  process.on('message', async ({ index }) => {
    const c = mutate(all, seed, index);
    const started = performance.now();
    printed = '';
    let result;
    try {
      const doc = await convert(c.bytes, { fileName: c.name, ocrPool, pdfReaders, ...LIMITS });
      result = { outcome: 'converted', warnings: doc.warnings.map((w) => w.code) };
    } catch (error) {
      const typed = error instanceof ProtokollError && documented.has(error.code) && !/\n|internal error/.test(error.message);
      result = { outcome: typed ? 'refused' : 'crash', code: error?.code ?? null, message: String(error?.message ?? error).slice(0, 300) };
    }
    if (printed) result = { ...result, outcome: 'crash', message: `printed on stderr: ${printed.slice(0, 200)}` };
    process.send({ index, name: c.name, ms: performance.now() - started, ...result });
  });
  process.send({ ready: true });
} else {
  await parent();
}

// ---- the parent: hands out cases, watches time and memory, survives a child that dies ----
async function parent() {
  const cases = Number(arg('cases', 2000));
  const seed = Number(arg('seed', 1));
  const jobs = Number(arg('jobs', 2));
  const keep = arg('keep', null);
  if (!fs.existsSync(path.join(root, 'dist/index.js'))) throw new Error('run `npm run build` first');
  const counts = { converted: 0, refused: 0, crash: 0, hang: 0 };
  const codes = new Map();
  const findings = [];
  let slowest = { ms: 0, name: '' };
  let peakMb = 0;
  let next = 0;
  let done = 0;
  const started = performance.now();
  const all = sources();

  const record = (index, outcome, detail) => {
    counts[outcome]++;
    done++;
    if (outcome === 'refused') codes.set(detail.code, (codes.get(detail.code) ?? 0) + 1);
    if (outcome === 'crash' || outcome === 'hang') {
      const c = mutate(all, seed, index);
      findings.push({ index, outcome, name: c.name, ...detail });
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        fs.writeFileSync(path.join(keep, `${index}-${outcome}.${c.format === 'tiff' ? 'tif' : c.format}`), c.bytes);
      }
    }
    if (done % 100 === 0) console.error(`… ${done}/${cases} (${Math.round((performance.now() - started) / 1000)} s)`);
  };

  await new Promise((finish) => {
    let child = null;
    const inFlight = new Map();
    const start = () => {
      child = fork(fileURLToPath(import.meta.url), ['--child', '--seed', String(seed), '--jobs', String(jobs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const mine = child;
      mine.on('message', (m) => {
        if (m.ready) { for (let k = 0; k < jobs; k++) feed(); return; }
        clearTimeout(inFlight.get(m.index));
        inFlight.delete(m.index);
        if (m.ms > slowest.ms) slowest = { ms: m.ms, name: m.name };
        record(m.index, m.outcome, m);
        feed();
      });
      mine.on('exit', (code, signal) => {
        if (mine !== child) return;
        // A case that takes the whole process down is a crash; the rest go on in a new process.
        for (const [index, timer] of inFlight) {
          clearTimeout(timer);
          record(index, 'crash', { message: `the process ended (${signal ?? `exit ${code}`})` });
        }
        inFlight.clear();
        if (done < cases) start();
        else finish();
      });
    };
    const feed = () => {
      if (next >= cases) {
        if (inFlight.size === 0) { child.kill(); finish(); }
        return;
      }
      const index = next++;
      inFlight.set(index, setTimeout(() => {
        inFlight.delete(index);
        record(index, 'hang', { message: `still running after ${HANG_MS / 1000} s` });
        // The process is stuck somewhere: end it with its readers; its other cases count as crashes.
        for (const pid of processTree(child.pid)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      }, HANG_MS));
      child.send({ index });
    };
    const sampler = setInterval(() => {
      if (child?.pid) peakMb = Math.max(peakMb, treeRssMb(child.pid));
    }, 100);
    sampler.unref();
    start();
  });

  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz: ${cases} cases (seed ${seed}, ${jobs} at a time, limits: PDF page ${LIMITS.pdfPageTimeoutMs / 1000} s, PDF ${LIMITS.pdfTimeoutMs / 1000} s, OCR page ${LIMITS.pageTimeoutMs / 1000} s) in ${seconds.toFixed(0)} s`);
  console.log(`  converted  ${counts.converted}`);
  console.log(`  refused    ${counts.refused}  (${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')})`);
  console.log(`  crashes    ${counts.crash}`);
  console.log(`  hangs      ${counts.hang}`);
  console.log(`  max time   ${(slowest.ms / 1000).toFixed(1)} s (${slowest.name})`);
  console.log(`  max memory ${Math.round(peakMb)} MB (protokoll with its PDF readers and OCR threads, sampled every 0.1 s)`);
  for (const f of findings.slice(0, 20)) console.log(`  ${f.outcome} #${f.index} ${f.name}: ${f.code ?? ''} ${f.message ?? ''}`);
  process.exit(counts.crash || counts.hang ? 1 : 0);
}
