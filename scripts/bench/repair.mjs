#!/usr/bin/env node
// Benchmarks the repair stage from the build output (run `npm run build` first): lexicon load
// time in a fresh process, and repair throughput on damaged (scanned + stripped) and on intact
// Swedish minutes. Wall-clock and CPU figures: the CPU one is steadier on a busy machine.
// Prints plain figures, one per line.
import fs from 'node:fs';

const t0 = performance.now();
const { repairLines, lexicon } = await import('../../dist/repair/index.js');
const tImport = performance.now();
lexicon();
const loadMs = performance.now() - tImport;

const fixtures = new URL('../../fixtures/repair/', import.meta.url);
const strip = (s) => s.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O');
const base = [
  fs.readFileSync(new URL('familjen-damaged.txt', fixtures), 'utf8'),
  strip(fs.readFileSync(new URL('gr-kommunchefer-intact.txt', fixtures), 'utf8')),
].join('\n').split('\n');
const tokensIn = (ls) => ls.reduce((n, l) => n + (l.match(/\S+/g)?.length ?? 0), 0);

// warm up once, then time enough text for a stable figure
repairLines(base.map((text, i) => ({ text, page: 1, line: i + 1 })));
const lines = [];
const perCopy = tokensIn(base);
for (let n = 0; n < 200_000; n += perCopy) lines.push(...base);
const input = lines.map((text, i) => ({ text, page: 1 + Math.floor(i / 50), line: (i % 50) + 1 }));
const t1 = performance.now();
const c1 = process.cpuUsage();
repairLines(input);
const secs = (performance.now() - t1) / 1000;
const c2 = process.cpuUsage(c1);
const cpuSecs = (c2.user + c2.system) / 1e6;
const tokens = tokensIn(lines);

console.log(`repair lexicon load ms: ${loadMs.toFixed(1)}`);
console.log(`repair module import ms: ${(tImport - t0).toFixed(1)}`);
console.log(`repair throughput tokens/s: ${Math.round(tokens / secs)}`);
console.log(`repair throughput tokens/cpu-s: ${Math.round(tokens / cpuSecs)}`);
console.log(`repair tokens timed: ${tokens}`);

// intact text (diacritics present): the usual case for born-digital minutes
const intactBase = fs.readFileSync(new URL('gr-kommunchefer-intact.txt', fixtures), 'utf8').split('\n');
const intactLines = [];
const perIntact = tokensIn(intactBase);
for (let n = 0; n < 200_000; n += perIntact) intactLines.push(...intactBase);
const t3 = performance.now();
const c3 = process.cpuUsage();
repairLines(intactLines.map((text, i) => ({ text, page: 1 + Math.floor(i / 50), line: (i % 50) + 1 })));
const s3 = (performance.now() - t3) / 1000;
const c4 = process.cpuUsage(c3);
console.log(`repair intact throughput tokens/s: ${Math.round(tokensIn(intactLines) / s3)}`);
console.log(`repair intact throughput tokens/cpu-s: ${Math.round(tokensIn(intactLines) / ((c4.user + c4.system) / 1e6))}`);
