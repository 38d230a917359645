// OCR benchmark: protokoll's whole OCR path against bare `tesseract` on the same page images and cores, for speed
// (pages per minute) and character error rate against the ground truth.
//
// usage: npm run build && node scripts/bench/ocr.mjs [--fixtures DIR] [--set scanned|scanned-hard] [--jobs N]
//        [--repeat N] [--no-wasm] [--no-e2e]
//
// Page images: the JPEGs inside the scanned fixture PDFs, taken out as they are (what a folder of scans holds).
// - bare tesseract: `xargs -P <jobs> tesseract IMAGE OUT -l swe`, OMP_THREAD_LIMIT=1, one process per page, as a user
//   would run it on those files (its defaults: automatic page segmentation, Otsu thresholding).
// - protokoll: readInput on each page image with one OcrPool shared by all pages (engine `auto`, which takes the
//   native program when it is installed, then `wasm`): decoding, resolution, deskew, OCR, line assembly; the
//   pool's start-up (worker processes, model loading) is counted.
// - end to end: readInput on the PDFs themselves (rendering with pdf.js included), engine `auto`.
// Speed is the best of --repeat runs (default 3), alternating protokoll and tesseract so that other load on the
// machine hits both alike; the wasm engine runs once unless --repeat-wasm is given. CER is the Levenshtein distance
// over Unicode code points divided by the ground truth's length, after NFC and collapsing whitespace, as
// ../shared/fixtures/scanned-hard/MAKE.md defines it. Ground truth: text/NAME.txt, or NAME.txt beside the scan.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editDistance } from './cer.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (!fs.existsSync(path.join(repo, 'dist/ocr/pool.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(1);
}
const dist = (p) => import(path.join(repo, 'dist', p));
const { readInput } = await dist('input/read.js');
const { OcrPool } = await dist('ocr/pool.js');
const { PdfFile } = await dist('input/pdf.js');
const { encodeTiff } = await dist('ocr/page-image.js');
const { renderDpi } = await dist('ocr/preprocess.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
// The shared fixtures sit beside the repository (or beside its worktree folder).
const fixtures = path.resolve(option('--fixtures', ['../shared/fixtures', '../../shared/fixtures'].map((p) => path.resolve(repo, p)).find((p) => fs.existsSync(p)) ?? path.resolve(repo, '../shared/fixtures')));
const jobs = Number(option('--jobs', String(os.availableParallelism())));
const repeat = Math.max(1, Number(option('--repeat', '3')));
const repeatWasm = Math.max(1, Number(option('--repeat-wasm', '1')));
const sets = args.includes('--set') ? [option('--set')] : ['scanned', 'scanned-hard'];

if (!fs.existsSync(path.join(fixtures, 'scanned'))) {
  console.error(`bench: no scanned fixtures at ${fixtures} (give --fixtures DIR holding scanned/, scanned-hard/, text/)`);
  process.exit(0);
}

const probe = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
const nativeVersion = probe.status === 0 ? /tesseract\s+v?(\S+)/i.exec(`${probe.stdout}${probe.stderr}`)?.[1] ?? '?' : null;
const nativeHasSwe = nativeVersion !== null && /^swe$/m.test(spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout ?? '');

// ---- page images ----
/** The JPEG streams of an image-only PDF (img2pdf embeds each scan as it is), in page order. */
function embeddedJpegs(bytes) {
  const text = bytes.toString('latin1');
  const out = [];
  for (const m of text.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    if (!/\/DCTDecode/.test(m[1])) continue;
    const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(m[1]);
    if (!length) return null;
    const start = m.index + m[0].length;
    out.push(bytes.subarray(start, start + Number(length[1])));
  }
  return out;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const docs = [];
for (const set of sets) {
  const dir = path.join(fixtures, set);
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.pdf')).sort()) {
    const name = f.replace(/\.pdf$/, '');
    const truth = [path.join(dir, `${name}.txt`), path.join(fixtures, 'text', `${name}.txt`)].find((t) => fs.existsSync(t));
    if (!truth) continue;
    const file = path.join(dir, f);
    const bytes = fs.readFileSync(file);
    const pdf = new PdfFile(new Uint8Array(bytes), file);
    const count = await pdf.pageCount();
    let images = embeddedJpegs(bytes);
    const pages = [];
    if (images && images.length === count) {
      images.forEach((jpeg, i) => {
        const image = path.join(work, `${set}-${name}-p${i + 1}.jpg`);
        fs.writeFileSync(image, jpeg);
        pages.push(image);
      });
    } else {
      // Not one JPEG per page: the pages as protokoll renders them, as TIFF files stating their resolution.
      for (let n = 1; n <= count; n++) {
        const r = await pdf.renderPage(n, renderDpi(await pdf.imageDpi(n)), 100e6);
        const image = path.join(work, `${set}-${name}-p${n}.tif`);
        fs.writeFileSync(image, encodeTiff(r));
        pages.push(image);
      }
    }
    await pdf.destroy();
    docs.push({ set, name, file, truth: fs.readFileSync(truth, 'utf8'), pages });
  }
}

/** CPU seconds of this process (all threads) and of its finished children. */
function cpu() {
  const self = process.cpuUsage();
  let children = NaN;
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    children = (Number(fields[13]) + Number(fields[14])) / hz; // cutime, cstime
  } catch {
    // no /proc: CPU time is not reported
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

const pageText = (doc) => doc.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');

// ---- protokoll on the page images ----
async function runProtokoll(pages, engine) {
  const texts = new Map();
  const c0 = cpu();
  const t0 = performance.now();
  const pool = new OcrPool({ jobs, engine });
  let info = null;
  try {
    await limited(pages, jobs + 1, async (image) => {
      const doc = await readInput(new Uint8Array(fs.readFileSync(image)), image, { ocrPool: pool });
      info ??= doc.pages[0]?.ocr ?? null;
      texts.set(image, pageText(doc));
    });
  } finally {
    await pool.terminate();
  }
  const seconds = (performance.now() - t0) / 1000;
  const c1 = cpu();
  return { seconds, cpu: c1.self - c0.self + (c1.children - c0.children), texts, info };
}

// ---- bare tesseract, one process per page ----
function runBare(pages) {
  const out = path.join(work, 'bare');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out);
  const list = pages.map((p) => `${p}\n`).join('');
  const c0 = cpu();
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    // What a user types: ls pages | OMP_THREAD_LIMIT=1 xargs -P <cores> -I{} tesseract {} out/{} -l swe
    const child = spawn('xargs', ['-P', String(jobs), '-I{}', 'sh', '-c', `tesseract "$1" "${out}/$(basename "$1")" -l swe 2>/dev/null`, 'sh', '{}'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.stdin.end(list);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`xargs tesseract exited with ${code}`));
      const seconds = (performance.now() - t0) / 1000;
      const c1 = cpu();
      const texts = new Map(pages.map((p) => [p, fs.readFileSync(path.join(out, `${path.basename(p)}.txt`), 'utf8')]));
      resolve({ seconds, cpu: c1.children - c0.children, texts });
    });
  });
}

// ---- end to end from the PDFs ----
async function runEndToEnd(list, engine) {
  const pool = new OcrPool({ jobs, engine });
  const t0 = performance.now();
  try {
    await limited(list, 2, (d) => readInput(new Uint8Array(fs.readFileSync(d.file)), d.file, { ocr: 'always', ocrPool: pool }));
  } finally {
    await pool.terminate();
  }
  return (performance.now() - t0) / 1000;
}

function scores(list, texts) {
  return list.map((d) => ({ doc: `${d.set}/${d.name}`, ...editDistance(d.truth, d.pages.map((p) => texts.get(p) ?? '').join('\n')) }));
}
const pooled = (s) => s.reduce((a, x) => a + x.edits, 0) / s.reduce((a, x) => a + x.chars, 0);
const pct = (x) => `${(x * 100).toFixed(2)} %`;
const best = (a, b) => (!a || b.seconds < a.seconds ? b : a);

console.log(`OCR bench on ${os.availableParallelism()} cores, ${jobs} pages at a time; native tesseract: ${nativeVersion ? `${nativeVersion}${nativeHasSwe ? '' : ' (no swe model)'}` : 'not installed'}`);
if (!nativeHasSwe) console.log('(install it with `apt-get install tesseract-ocr tesseract-ocr-swe` to measure the native engine and bare tesseract)');

for (const set of sets) {
  const list = docs.filter((d) => d.set === set);
  if (list.length === 0) continue;
  const pages = list.flatMap((d) => d.pages);
  console.log(`\n== ${set}: ${pages.length} pages from ${list.length} documents (speed: best of ${repeat}) ==`);
  let auto = null;
  let bare = null;
  for (let i = 0; i < repeat; i++) {
    auto = best(auto, await runProtokoll(pages, 'auto'));
    if (nativeHasSwe) bare = best(bare, await runBare(pages));
  }
  let wasm = null;
  if (!flag('--no-wasm') && auto.info?.engine !== 'tesseract.js') {
    for (let i = 0; i < repeatWasm; i++) wasm = best(wasm, await runProtokoll(pages, 'wasm'));
  }

  const columns = [['protokoll auto', auto], ...(wasm ? [['protokoll wasm', wasm]] : []), ...(bare ? [['bare tesseract', bare]] : [])];
  const table = columns.map(([, r]) => scores(list, r.texts));
  const header = ['document', 'chars', ...columns.map(([n]) => `CER ${n}`)];
  const rows = list.map((d, i) => [`${d.name}`, String(table[0][i].chars), ...table.map((t) => pct(t[i].edits / t[i].chars))]);
  rows.push(['all (pooled)', String(table[0].reduce((a, s) => a + s.chars, 0)), ...table.map((t) => pct(pooled(t)))]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  for (const r of [header, ...rows]) console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  '));

  const ppm = (r) => (pages.length / r.seconds) * 60;
  const line = (label, r) => `${label.padEnd(34)} ${ppm(r).toFixed(1).padStart(6)} pages/min  (${r.seconds.toFixed(1)} s wall, ${Number.isFinite(r.cpu) ? (r.cpu / pages.length).toFixed(2) : '?'} CPU s/page)`;
  const engineName = (r) => (r.info ? `${r.info.engine} ${r.info.version}` : '?');
  console.log('');
  console.log(line(`protokoll auto (${engineName(auto)})`, auto));
  if (wasm) console.log(line(`protokoll wasm (${engineName(wasm)})`, wasm));
  if (bare) console.log(line(`bare tesseract ${nativeVersion}, xargs -P ${jobs}`, bare));
  if (bare) {
    console.log(`ratio protokoll auto / bare tesseract: ${(ppm(auto) / ppm(bare)).toFixed(2)}× pages/min (goal ≥ 1.0×)${wasm ? `; wasm: ${(ppm(wasm) / ppm(bare)).toFixed(2)}×` : ''}`);
  }
  if (!flag('--no-e2e')) {
    const s = await runEndToEnd(list, 'auto');
    console.log(line('protokoll auto end to end (PDF in)', { seconds: s, cpu: NaN }));
  }
}
