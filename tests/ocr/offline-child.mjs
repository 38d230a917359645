// Run by offline.test.ts in an empty working folder: reads one image through OCR (language and engine as asked) and prints what it read.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { readInput } = await import(path.join(repo, 'dist/input/read.js'));
const file = process.argv[2];
const doc = await readInput(fs.readFileSync(file), file, { jobs: 1, lang: process.argv[3] ?? 'swe', ocrEngine: process.argv[4] ?? 'auto' });
process.stdout.write(JSON.stringify({ pages: doc.pages.map((p) => ({ source: p.source, ocr: p.ocr, ocrConfidence: p.ocrConfidence, text: p.lines.map((l) => l.text) })) }));
