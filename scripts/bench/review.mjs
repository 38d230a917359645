// Review site figures: where to render PDF pages (at conversion time vs pdf.js in the browser) on 50-page PDFs, and how
// fast the index of a 500-document batch opens in headless Chromium, with the site's size. Best of several runs each,
// since the machine is shared. Needs qpdf (to build the 50-page PDFs) and Debian's chromium; skips a part without them.
//   node scripts/bench/review.mjs [--fixtures DIR] [--runs N] [--only render|index]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pageImages } from '../../dist/review/images.js';

const root = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const shared = path.resolve(opt('--fixtures', path.join(root, '../shared/fixtures')));
const runs = Number(opt('--runs', '3'));
const only = opt('--only', null);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-review-bench-'));
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const has = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const best = async (n, fn) => { let b = Infinity; for (let i = 0; i < n; i++) b = Math.min(b, await fn()); return b; };

/** A 50-page PDF from the given PDFs' pages, repeated (qpdf shares repeated objects, as one real file would its fonts). */
function fiftyPages(inputs, out) {
  const list = [];
  for (let i = 0; i < 10; i++) list.push(...inputs);
  const r = spawnSync('qpdf', ['--empty', '--pages', ...list, '--', path.join(work, 'all.pdf')]);
  if (r.status !== 0) throw new Error(`qpdf: ${r.stderr}`);
  spawnSync('qpdf', [path.join(work, 'all.pdf'), '--pages', path.join(work, 'all.pdf'), '1-50', '--', out]);
  return out;
}

async function renderAtConversion(file, encoding) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  let size = 0;
  let pages = 0;
  let cpu = Infinity;
  const seconds = await best(runs, async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    size = 0; pages = 0;
    for await (const img of pageImages(bytes, 'pdf', file, { encoding })) { size += img.data?.length ?? 0; pages++; }
    const c = process.cpuUsage(c0);
    // CPU time as well as wall time: on a shared machine the wall clock mostly measures the other processes.
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
    return (performance.now() - t0) / 1000;
  });
  return { seconds, cpu, size, pages };
}

/** pdf.js in Chromium, served on loopback (a file:// page cannot load ES modules or workers, which the site would have to inline). */
async function renderInBrowser(browser, file) {
  const pdfjs = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const html = `<!doctype html><body><script type="module">
import * as pdfjs from '/pdfjs/build/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
const t0 = performance.now();
const doc = await pdfjs.getDocument({ url: '/doc.pdf', standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
let first = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const vp = page.getViewport({ scale: 110 / 72 });
  const c = document.createElement('canvas'); c.width = vp.width; c.height = vp.height; document.body.append(c);
  await page.render({ canvasContext: c.getContext('2d'), viewport: vp, canvas: c }).promise;
  if (n === 1) first = performance.now() - t0;
}
window.result = { first, all: performance.now() - t0 };
</script>`;
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    const target = url === '/' ? null : url === '/doc.pdf' ? file : url.startsWith('/pdfjs/') ? path.join(pdfjs, url.slice(7)) : null;
    if (url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(html); }
    if (!target || !fs.existsSync(target)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': target.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream' });
    fs.createReadStream(target).pipe(res);
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  let first = Infinity, all = Infinity;
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => window.result, null, { timeout: 300_000 });
      const r = await page.evaluate(() => window.result);
      first = Math.min(first, r.first / 1000); all = Math.min(all, r.all / 1000);
      await page.close();
    }
  } finally {
    server.close();
  }
  const lib = ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs'].reduce((n, f) => n + fs.statSync(path.join(pdfjs, f)).size, 0);
  return { first, all, pdf: fs.statSync(file).size, lib };
}

async function renderFigures(browser) {
  if (!has('qpdf')) { console.log('render: skipped (qpdf is not installed: apt-get install qpdf)'); return; }
  const sets = [
    ['born-digital', ['pdf-familjen-helsingborg-2025-12-12', 'pdf-gr-kommunchefer', 'pdf-halsingeradet-2024-01-24', 'pdf-krf-halland-2024'].map((d) => path.join(root, 'fixtures', d, 'input.pdf'))],
    ['scanned', fs.existsSync(path.join(shared, 'scanned')) ? fs.readdirSync(path.join(shared, 'scanned')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(shared, 'scanned', f)) : []],
  ];
  console.log('50-page PDFs, pages drawn at 110 dpi:');
  for (const [name, inputs] of sets) {
    if (!inputs.length) { console.log(`  ${name}: skipped (no scanned PDFs under ${shared}; --fixtures DIR)`); continue; }
    const file = fiftyPages(inputs, path.join(work, `${name}.pdf`));
    const perPage = inputs.reduce((n, f) => n + fs.statSync(f).size, 0) / inputs.reduce((n, f) => n + Number(spawnSync('qpdf', ['--show-npages', f]).stdout), 0);
    for (const encoding of [{ format: 'jpeg', quality: 60 }, { format: 'webp', quality: 70 }]) {
      const r = await renderAtConversion(file, encoding);
      console.log(`  ${name.padEnd(12)} at conversion, ${encoding.format} q${encoding.quality}: ${r.seconds.toFixed(1)} s for ${r.pages} pages (${(r.seconds / r.pages * 1000).toFixed(0)} ms/page; CPU ${(r.cpu / r.pages * 1000).toFixed(0)} ms/page), ${mb(r.size)} (${(r.size / r.pages / 1000).toFixed(0)} kB/page)`);
    }
    if (browser) {
      const r = await renderInBrowser(browser, file);
      console.log(`  ${name.padEnd(12)} in the browser (pdf.js): first page ${r.first.toFixed(2)} s, all 50 ${r.all.toFixed(1)} s; the site carries the PDF, ${mb(r.pdf)} here`
        + ` (its source files average ${(perPage / 1000).toFixed(0)} kB/page, so ${mb(perPage * 50)} for 50 unshared pages), plus pdf.js ${mb(r.lib)} once`);
    }
  }
}

/** 500 inputs: the project's text and born-digital PDF fixtures, copied with a line that makes each file distinct. */
function batchOf500(dir) {
  const fixtures = fs.readdirSync(path.join(root, 'fixtures')).map((d) => path.join(root, 'fixtures', d))
    .flatMap((d) => ['input.txt', 'input.md', 'input.pdf'].map((f) => path.join(d, f)).filter((f) => fs.existsSync(f)));
  const texts = fixtures.filter((f) => !f.endsWith('.pdf'));
  const pdfs = fixtures.filter((f) => f.endsWith('.pdf'));
  for (let i = 0; i < 500; i++) {
    // One in ten is a PDF, as in a mixed archive; PDFs are copied as they are (the same bytes, converted each time).
    const src = i % 10 === 0 ? pdfs[(i / 10) % pdfs.length] : texts[i % texts.length];
    const sub = path.join(dir, `year-${2000 + (i % 20)}`);
    fs.mkdirSync(sub, { recursive: true });
    const name = `doc-${String(i).padStart(3, '0')}${path.extname(src)}`;
    if (src.endsWith('.pdf')) fs.copyFileSync(src, path.join(sub, name));
    else fs.writeFileSync(path.join(sub, name), `${fs.readFileSync(src, 'utf8')}\n\nArkivnummer ${i}\n`);
  }
  fs.writeFileSync(path.join(dir, 'broken.pdf'), '%PDF-1.4 truncated');
}

async function indexFigures(browser) {
  const inputs = path.join(work, 'batch');
  const site = path.join(work, 'site');
  batchOf500(inputs);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin/protokoll.js'), 'review', inputs, '-o', site], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const line = /review\s+(.+)/.exec(r.stderr)?.[1];
  if (!line) throw new Error(`protokoll review failed (exit ${r.status}, ${r.signal ?? ''} ${r.error?.message ?? ''}): ${r.stderr.slice(-2000)}`);
  console.log(`500-document batch (450 text, 50 PDF) and one broken file: protokoll review took ${seconds.toFixed(0)} s; summary says: ${line}`);
  if (!browser) return;
  const url = `file://${path.join(site, 'index.html')}`;
  let load = Infinity, ready = Infinity;
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { load: nav.loadEventEnd, rows: document.querySelectorAll('#documents .rows .row').length };
    });
    // Sorting all 501 rows by a column: the slowest thing the index does after opening.
    const sortMs = await page.evaluate(() => { const t0 = performance.now(); document.querySelectorAll('#documents .row.head button')[9].click(); return performance.now() - t0; });
    load = Math.min(load, t.load / 1000);
    ready = Math.min(ready, sortMs / 1000);
    if (t.rows !== 501) console.log(`  (the index lists ${t.rows} rows, expected 501)`);
    await page.close();
  }
  console.log(`  index.html (${(fs.statSync(path.join(site, 'index.html')).size / 1000).toFixed(0)} kB) opens in ${(load * 1000).toFixed(0)} ms (navigation to load event, best of ${Math.max(runs, 5)}; goal under 1 s); sorting all rows takes ${(ready * 1000).toFixed(0)} ms`);
}

let browser = null;
if (fs.existsSync(CHROMIUM)) {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
} else {
  console.log(`browser figures skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);
}
try {
  if (!only || only === 'render') await renderFigures(browser);
  if (!only || only === 'index') await indexFigures(browser);
} finally {
  await browser?.close();
  fs.rmSync(work, { recursive: true, force: true });
}
