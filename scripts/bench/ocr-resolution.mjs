// Which resolution reads office scans best: every page of colour scans (scripts/fixtures/colour-scans.mjs) decoded,
// scaled and straightened as protokoll does it, then read by native tesseract with protokoll's parameters at
// several resolutions; prints CER against the ground truth and CPU seconds per page for each.
//
// usage: npm run build && node scripts/fixtures/colour-scans.mjs ../shared/fixtures/pdf /tmp/scans600 600 NAME… &&
//        node scripts/bench/ocr-resolution.mjs --scans /tmp/scans600 [--truth ../shared/fixtures/text] [--dpi 200,300,400,0]
// (0 = the scan's own resolution). Tesseract runs one page at a time, so CPU times are its own.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editDistance } from './cer.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => import(path.join(repo, 'dist', p));
const { imagePages } = await dist('input/image.js');
const { rasterizeImage } = await dist('input/raster.js');
const { preparePage } = await dist('ocr/page-image.js');
const { TESSERACT_PARAMETERS } = await dist('ocr/preprocess.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const scans = option('--scans');
if (!scans) {
  console.error('usage: node scripts/bench/ocr-resolution.mjs --scans DIR [--truth DIR] [--dpi 200,300,400,0]');
  process.exit(2);
}
const shared = ['../shared/fixtures', '../../shared/fixtures'].map((p) => path.resolve(repo, p)).find((p) => fs.existsSync(p));
const truthDir = option('--truth', shared ? path.join(shared, 'text') : '');
const targets = option('--dpi', '200,250,300,400,0').split(',').map(Number);

const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
const childCpu = () => {
  const f = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(f[13]) + Number(f[14])) / hz;
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-res-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const params = Object.entries(TESSERACT_PARAMETERS).filter(([k]) => k !== 'debug_file' && k !== 'tessedit_pageseg_mode').flatMap(([k, v]) => ['-c', `${k}=${v}`]);
const psm = TESSERACT_PARAMETERS.tessedit_pageseg_mode ?? '3';

const docs = new Map();
for (const f of fs.readdirSync(scans).filter((x) => /-p\d+\.jpe?g$/.test(x)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
  const name = f.replace(/-p\d+\.jpe?g$/, '');
  if (!docs.has(name)) docs.set(name, []);
  docs.get(name).push(path.join(scans, f));
}

const results = new Map(targets.map((t) => [t, { texts: new Map(), cpu: 0, node: 0, pages: 0 }]));
for (const [name, pages] of docs) {
  for (const file of pages) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const [page] = imagePages(bytes, 'jpeg', file);
    for (const target of targets) {
      const r = results.get(target);
      const t0 = process.cpuUsage();
      const image = await rasterizeImage(bytes, 'jpeg', page, file, { dpi: (d) => (target === 0 ? d : target), maxPixels: 1e8 });
      const prepared = preparePage(image);
      const t1 = process.cpuUsage(t0);
      const tif = path.join(work, 'page.tif');
      fs.writeFileSync(tif, prepared.image);
      const c0 = childCpu();
      const out = spawnSync('tesseract', [tif, 'stdout', '-l', 'swe', '--oem', '1', '--psm', psm, ...params], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8' });
      r.cpu += childCpu() - c0;
      r.node += (t1.user + t1.system) / 1e6;
      r.pages++;
      r.texts.set(file, out.stdout);
      console.error(`${path.basename(file)} at ${target || 'own'} dpi: ${image.width}×${image.height}`);
    }
  }
}

console.log(`${[...docs.values()].flat().length} pages from ${docs.size} documents in ${scans}; tesseract --psm ${psm} ${params.join(' ')}`);
console.log('dpi     CER      tesseract CPU s/page   decode+prepare CPU s/page');
for (const target of targets) {
  const r = results.get(target);
  let chars = 0;
  let edits = 0;
  for (const [name, pages] of docs) {
    const truth = path.join(truthDir, `${name}.txt`);
    if (!fs.existsSync(truth)) continue;
    const e = editDistance(fs.readFileSync(truth, 'utf8'), pages.map((p) => r.texts.get(p)).join('\n'));
    chars += e.chars;
    edits += e.edits;
  }
  console.log(`${String(target || 'own').padEnd(6)}  ${chars ? `${((edits / chars) * 100).toFixed(2)} %` : '-'}   ${(r.cpu / r.pages).toFixed(2).padStart(8)}              ${(r.node / r.pages).toFixed(2).padStart(8)}`);
}
