// Bench: what reading PDFs in a separate reader process costs: its cold start on the first small PDF, and the
// time per document once a reader is reused, each against reading with pdf.js in the same process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '../..');
const small = path.join(root, 'fixtures/pdf-gr-kommunchefer/input.pdf');
const TRIES = 5;
const WARM_DOCS = 20;

/** Reads every page's text layer of `file` through pdf.js here, or through a reader process. */
async function readAll(kind, file, pool) {
  const bytes = fs.readFileSync(file);
  if (kind === 'in-process') {
    const { PdfFile } = await import(path.join(root, 'dist/input/pdf.js'));
    const pdf = new PdfFile(bytes, file);
    for (let n = 1, count = await pdf.pageCount(); n <= count; n++) await pdf.pageLines(n);
    await pdf.destroy();
  } else {
    const { RemotePdf } = await import(path.join(root, 'dist/input/pdf-reader/remote.js'));
    const pdf = new RemotePdf(pool, bytes, file);
    for (let n = 1, count = await pdf.pageCount(); n <= count; n++) await pdf.pageLines(n);
    await pdf.destroy();
  }
}

// One measurement in a fresh process: the first document (cold), then WARM_DOCS more (warm), in ms.
if (process.argv[2] === '--measure') {
  const kind = process.argv[3];
  const { PdfReaderPool } = await import(path.join(root, 'dist/input/pdf-reader/pool.js'));
  const pool = new PdfReaderPool();
  let t0 = performance.now();
  await readAll(kind, small, pool);
  const cold = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < WARM_DOCS; i++) await readAll(kind, small, pool);
  const warm = (performance.now() - t0) / WARM_DOCS;
  await pool.terminate();
  const { PdfFile } = await import(path.join(root, 'dist/input/pdf.js'));
  const pages = await new PdfFile(fs.readFileSync(small), small).pageCount();
  console.log(JSON.stringify({ cold, warm, pages }));
  process.exit(0);
}

const best = { 'in-process': { cold: Infinity, warm: Infinity }, reader: { cold: Infinity, warm: Infinity } };
let pages = 0;
for (let t = 0; t < TRIES; t++) {
  // Alternating, so that a burst of load elsewhere on the machine hits both alike.
  for (const kind of ['in-process', 'reader']) {
    const r = spawnSync(process.execPath, [import.meta.filename, '--measure', kind], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    pages = m.pages;
    best[kind].cold = Math.min(best[kind].cold, m.cold);
    best[kind].warm = Math.min(best[kind].warm, m.warm);
  }
}
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`PDF reader process, ${path.basename(path.dirname(small))} (${pages} pages, text layers only), best of ${TRIES} fresh processes each`);
console.log(`  first PDF   in-process ${ms(best['in-process'].cold)}, reader process ${ms(best.reader.cold)}: cold start costs ${ms(best.reader.cold - best['in-process'].cold)}`);
console.log(`  next PDFs   in-process ${ms(best['in-process'].warm)}, reused reader ${ms(best.reader.warm)} per document: ${ms(best.reader.warm - best['in-process'].warm)} each`);
