// OCR benchmark: protokoll's OCR against native Tesseract on the same page images, for speed and character error rate.
//
// usage: npm run build && node scripts/bench/ocr.mjs [--fixtures DIR] [--hard] [--jobs N] [--repeat N] [--no-e2e] [--no-deskew] [--engine]
//
// The page images are the scanned fixture PDFs rendered the way protokoll renders them for OCR (PdfFile.renderPage
// at preprocess.renderDpi, greyscale PGM). Protokoll reads them through its worker pool exactly as readInput does
// (ocrPage: skew measured and corrected, Sauvola thresholding, lines rebuilt from word boxes). Native Tesseract
// (`tesseract IMAGE stdout -l swe --dpi N`, OMP_THREAD_LIMIT=1) reads the same files, one process per job.
// Both run `jobs` pages at a time (default: the number of cores). CER is the Levenshtein distance over Unicode code
// points divided by the ground truth's length, after NFC and collapsing whitespace (fixtures/scanned-hard/MAKE.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => import(path.join(repo, 'dist', p));
if (!fs.existsSync(path.join(repo, 'dist/ocr/pool.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(1);
}
const { PdfFile } = await dist('input/pdf.js');
const { readInput } = await dist('input/read.js');
const { OcrPool } = await dist('ocr/pool.js');
const { ocrPage } = await dist('ocr/recognize.js');
const { deskewAngle, estimateSkew, pageParameters, pgmPixels, renderDpi, TESSERACT_PARAMETERS } = await dist('ocr/preprocess.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const fixtures = path.resolve(option('--fixtures', path.resolve(repo, '../shared/fixtures')));
const jobs = Number(option('--jobs', String(os.availableParallelism())));
const repeat = Math.max(1, Number(option('--repeat', '1')));
const sets = ['scanned', ...(flag('--hard') ? ['scanned-hard'] : [])];

if (!fs.existsSync(path.join(fixtures, 'scanned'))) {
  console.error(`bench: no scanned fixtures at ${fixtures} (give --fixtures DIR holding scanned/, text/)`);
  process.exit(0);
}

// ---- character error rate ----
const norm = (s) => Array.from(s.normalize('NFC').replace(/\s+/g, ' ').trim());
function editDistance(gt, ocr) {
  const a = norm(gt);
  const b = norm(ocr);
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      let best = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      cur[j] = best;
    }
    [prev, cur] = [cur, prev];
  }
  return { chars: a.length, edits: prev[b.length] };
}

// ---- page images ----
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const docs = [];
for (const set of sets) {
  for (const f of fs.readdirSync(path.join(fixtures, set)).filter((x) => x.endsWith('.pdf')).sort()) {
    const name = f.replace(/\.pdf$/, '');
    const truth = path.join(fixtures, 'text', `${name}.txt`);
    if (!fs.existsSync(truth)) continue;
    const file = path.join(fixtures, set, f);
    const pdf = new PdfFile(fs.readFileSync(file), file);
    const pages = [];
    for (let n = 1, count = await pdf.pageCount(); n <= count; n++) {
      const r = await pdf.renderPage(n, renderDpi(await pdf.imageDpi(n)), 100e6);
      const image = path.join(work, `${set}-${name}-p${n}.pgm`);
      fs.writeFileSync(image, r.image);
      pages.push({ image, width: r.width, height: r.height, dpi: r.dpi });
    }
    await pdf.destroy();
    docs.push({ set, name, file, truth: fs.readFileSync(truth, 'utf8'), pages });
  }
}
const allPages = docs.flatMap((d) => d.pages.map((p, i) => ({ doc: d, index: i, ...p })));
const pageCount = allPages.length;

/** CPU seconds of this process (all threads) and of its waited-for children. */
function cpu() {
  const self = process.cpuUsage();
  let children = 0;
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    const hz = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    children = (Number(fields[13]) + Number(fields[14])) / hz; // cutime, cstime
  } catch {
    children = NaN;
  }
  return { self: (self.user + self.system) / 1e6, children };
}

async function limited(items, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  }));
}

// ---- protokoll ----
async function runProtokoll() {
  const texts = new Map();
  const c0 = cpu();
  const t0 = performance.now();
  const pool = new OcrPool({ jobs });
  try {
    await limited(allPages, jobs + 1, async (p) => {
      const image = new Uint8Array(fs.readFileSync(p.image));
      // --no-deskew measures what deskewing buys: 0 means "measured, straight" (no second reading either).
      const skew = flag('--no-deskew') ? 0 : deskewAngle(estimateSkew(pgmPixels(image, p.width, p.height), p.width, p.height));
      const r = await ocrPage(pool, { image, page: p.index + 1, dpi: p.dpi, skew });
      texts.set(p.image, r.page.lines.map((l) => l.text).join('\n'));
    });
  } finally {
    await pool.terminate();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, cpu: cpu().self - c0.self, texts };
}

// ---- native tesseract ----
const nativeAvailable = (() => {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && /^swe$/m.test(`${r.stdout}${r.stderr}`);
})();

async function runNative() {
  const texts = new Map();
  const c0 = cpu();
  const t0 = performance.now();
  await limited(allPages, jobs, (p) => new Promise((resolve, reject) => {
    const child = spawn('tesseract', [p.image, 'stdout', '-l', 'swe', '--dpi', String(p.dpi)], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? (texts.set(p.image, out), resolve()) : reject(new Error(`tesseract exited ${code}`))));
  }));
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, cpu: cpu().children - c0.children, texts };
}

function scores(texts) {
  return docs.map((d) => {
    const e = editDistance(d.truth, d.pages.map((p) => texts.get(p.image) ?? '').join('\n'));
    return { doc: `${d.set}/${d.name}`, ...e };
  });
}

// ---- run ----
console.log(`OCR bench: ${pageCount} pages from ${docs.length} documents (${sets.join(', ')}), ${jobs} at a time on ${os.availableParallelism()} cores${repeat > 1 ? `, best of ${repeat}` : ''}`);
let ours = null;
let native = null;
for (let i = 0; i < repeat; i++) {
  // Alternate, so that other load on the machine hits both alike.
  const a = await runProtokoll();
  if (!ours || a.seconds < ours.seconds) ours = a;
  if (nativeAvailable) {
    const b = await runNative();
    if (!native || b.seconds < native.seconds) native = b;
  }
}
if (!nativeAvailable) console.log('native tesseract with the swe model is not installed (apt-get install tesseract-ocr tesseract-ocr-swe): only protokoll is measured');

const ppm = (r) => (pageCount / r.seconds) * 60;
const pct = (x) => `${(x * 100).toFixed(2)} %`;
const ourScores = scores(ours.texts);
const nativeScores = native ? scores(native.texts) : null;
const rows = ourScores.map((s, i) => [s.doc, String(s.chars), pct(s.edits / s.chars), nativeScores ? pct(nativeScores[i].edits / nativeScores[i].chars) : '-']);
const pooled = (list) => list.reduce((a, s) => a + s.edits, 0) / list.reduce((a, s) => a + s.chars, 0);
rows.push(['all (pooled)', String(ourScores.reduce((a, s) => a + s.chars, 0)), pct(pooled(ourScores)), nativeScores ? pct(pooled(nativeScores)) : '-']);
const widths = [0, 1, 2, 3].map((c) => Math.max(...[['document', 'chars', 'CER protokoll', 'CER native'], ...rows].map((r) => r[c].length)));
for (const r of [['document', 'chars', 'CER protokoll', 'CER native'], ...rows]) console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  '));

console.log('');
console.log(`protokoll: ${ppm(ours).toFixed(1)} pages/min (${ours.seconds.toFixed(1)} s wall, ${(ours.cpu / pageCount).toFixed(2)} CPU s/page, worker start included)`);
if (native) {
  console.log(`native:    ${ppm(native).toFixed(1)} pages/min (${native.seconds.toFixed(1)} s wall, ${Number.isFinite(native.cpu) ? (native.cpu / pageCount).toFixed(2) : '?'} CPU s/page)`);
  console.log(`ratio protokoll/native: ${(ppm(ours) / ppm(native)).toFixed(2)}× pages/min${Number.isFinite(native.cpu) ? `, ${(native.cpu / ours.cpu).toFixed(2)}× by CPU time` : ''} (goal ≥ 0.8×); CER ${pooled(ourScores) <= pooled(nativeScores) ? 'equal or lower' : 'HIGHER'} than native`);
}

// Engines alone: where the difference lies when protokoll's own work is taken away.
if (flag('--engine')) {
  const pool = new OcrPool({ jobs: 1 });
  let ownCpu = 0;
  let nativeCpu = 0;
  try {
    const read = (p) => pool.recognize({ image: new Uint8Array(fs.readFileSync(p.image)), parameters: pageParameters(p.dpi) });
    await read(allPages[0]); // compiles and tiers up the WebAssembly; not counted
    for (const p of allPages) {
      const c0 = cpu();
      await read(p);
      const c1 = cpu();
      if (nativeAvailable) {
        const extra = Object.entries(TESSERACT_PARAMETERS).filter(([k]) => k !== 'debug_file').flatMap(([k, v]) => ['-c', `${k}=${v}`]);
        spawnSync('tesseract', [p.image, 'stdout', '-l', 'swe', '--dpi', String(p.dpi), ...extra], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: 'ignore' });
      }
      ownCpu += c1.self - c0.self;
      nativeCpu += cpu().children - c1.children;
    }
  } finally {
    await pool.terminate();
  }
  console.log(`engines alone, one page at a time: tesseract.js ${(ownCpu / pageCount).toFixed(2)} CPU s/page${nativeAvailable ? `, native ${(nativeCpu / pageCount).toFixed(2)} CPU s/page (same parameters): ratio ${(nativeCpu / ownCpu).toFixed(2)}×` : ''}`);
}

// End to end: readInput on the PDFs themselves (rendering included), one pool shared by the batch.
if (!flag('--no-e2e')) {
  const pool = new OcrPool({ jobs });
  const t0 = performance.now();
  try {
    await limited(docs, 2, async (d) => {
      await readInput(new Uint8Array(fs.readFileSync(d.file)), d.file, { ocr: 'always', ocrPool: pool });
    });
  } finally {
    await pool.terminate();
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`protokoll end to end (PDF in, render + OCR): ${((pageCount / s) * 60).toFixed(1)} pages/min (${s.toFixed(1)} s)`);
}
