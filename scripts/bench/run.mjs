// Runs every benchmark in this folder in turn; each prints its own figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const order = ['convert.mjs', 'repair.mjs', 'text-shapes.mjs', 'pdf-reader.mjs', 'batch-memory.mjs', 'ocr.mjs', 'queue.mjs', 'review.mjs'];
const only = process.argv.slice(2);
const dir = import.meta.dirname;
let failed = 0;
for (const name of order) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  if (!fs.existsSync(path.join(dir, name))) continue;
  console.log(`\n== ${name.replace(/\.mjs$/, '')} ==`);
  const r = spawnSync(process.execPath, [path.join(dir, name)], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`(${name} exited with ${r.status})`); }
}
process.exit(failed ? 1 : 0);
