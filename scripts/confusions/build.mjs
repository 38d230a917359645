// Builds the repair stage's OCR confusion model (data/ocr-confusions.json) from OCR output aligned with ground truth.
//
// usage: npm run build && node scripts/confusions/build.mjs [--fixtures DIR] [--work DIR] [--jobs N] [--readers a,b]
//
// Readings (each cached in --work, default $TMPDIR/protokoll-confusions, so a rerun only recounts):
// - the shared scans (scanned/, scanned-hard/) read by protokoll's own OCR path with both engines;
// - renders of the shared text fixtures at several degradations (made here: the text set in Courier or Times
//   in a small PDF, rendered by pdf.js, then blurred, noised, thinned or thickened and JPEG-compressed), read the same way;
// - the same images read with Tesseract's English model, as the OCR layers of older scanner software were made
//   (no Swedish letters: å/ä/ö come out as look-alikes), so that repair knows those glyphs too.
// Each reading is aligned with its ground truth character by character (jsdiff's Myers diff after NFC and
// collapsing whitespace); a removed run and the added run beside it, both short, are one confusion. What every
// ground-truth letter became is counted; the repair table keeps, for å/ä/ö, each glyph (or glyph pair) seen for
// it at least MIN_COUNT times, with P(letter | glyph): how often it stood for the letter, of all the times it was
// read inside a word.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffChars } from 'diff';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => import(path.join(repo, 'dist', p));
const { readInput } = await dist('input/read.js');
const { OcrPool } = await dist('ocr/pool.js');
const { PdfFile } = await dist('input/pdf.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const fixtures = path.resolve(option('--fixtures', ['../shared/fixtures', '../../shared/fixtures'].map((p) => path.resolve(repo, p)).find((p) => fs.existsSync(p)) ?? '../shared/fixtures'));
const work = path.resolve(option('--work', path.join(os.tmpdir(), 'protokoll-confusions')));
const jobs = Number(option('--jobs', String(os.availableParallelism())));
const readers = option('--readers', 'native,wasm,native-eng').split(',');
const out = path.join(repo, 'data/ocr-confusions.json');
const MIN_COUNT = 2;
// familjen-helsingborg's text fixture is itself the output of an old OCR ("Moétesrum", "6ppnande"): as ground
// truth it would count those glyphs as correct readings, so it is left out.
const DAMAGED_TRUTH = new Set(['familjen-helsingborg-2025-12-12']);
fs.mkdirSync(work, { recursive: true });

// ---- renders of the text fixtures ----
const DEGRADATIONS = {
  // typewritten carbon copy: monospace, 150 dpi, soft and noisy
  'courier-150-soft': { font: 'Courier', size: 11, dpi: 150, blur: 1, noise: 40, ink: 0.75, jpeg: 55 },
  // office print photocopied at 200 dpi: thickened strokes, speckle
  'times-200-copy': { font: 'Times-Roman', size: 10, dpi: 200, blur: 1, noise: 30, ink: 1, thicken: true, jpeg: 60 },
  // small print scanned at low resolution
  'times-120-small': { font: 'Times-Roman', size: 9, dpi: 120, blur: 0, noise: 20, ink: 0.9, jpeg: 70 },
};

const WIDTH_CHARS = { Courier: 80, 'Times-Roman': 100 };

/** A PDF of the text in a standard font, WinAnsi-encoded, wrapped at a character count; returns pdf bytes and the text as set. */
function textPdf(text, font, size) {
  // Conservative line lengths for the 483 pt measure: Courier is 0.6 em a character, Times about 0.45.
  const wrapAt = Math.floor(WIDTH_CHARS[font] * (11 / size) * (font === 'Courier' ? 0.78 : 0.72));
  const lines = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = raw.replace(/\t/g, '    ');
    while (line.length > wrapAt) {
      const cut = line.lastIndexOf(' ', wrapAt) > wrapAt / 2 ? line.lastIndexOf(' ', wrapAt) : wrapAt;
      lines.push(line.slice(0, cut));
      line = line.slice(cut).replace(/^ /, '');
    }
    lines.push(line);
  }
  const perPage = Math.floor(720 / (size * 1.25));
  const pages = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  // WinAnsi (CP1252) holds å ä ö é § – “ ” …; anything else is set as '?', and the ground truth says so too.
  const cp1252 = new Map([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c, i) => [c, [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f][i]]));
  const settable = (c) => {
    const code = c.codePointAt(0);
    return code < 0x80 || (code >= 0xa0 && code <= 0xff) || cp1252.has(c);
  };
  const encode = (s) => [...s].map((c) => (!settable(c) ? '?' : cp1252.has(c) ? String.fromCharCode(cp1252.get(c)) : c)).join('');
  const shown = pages.map((p) => p.map((l) => [...l].map((c) => (settable(c) ? c : '?')).join('')).join('\n')).join('\n');
  const objects = [];
  const add = (body) => (objects.push(body), objects.length);
  const catalog = add(null);
  const pagesObj = add(null);
  const fontObj = add(`<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`);
  const kids = pages.map((p) => {
    const esc = (s) => s.replace(/[\\()]/g, (m) => `\\${m}`);
    const content = `BT /F1 ${size} Tf ${size * 1.25} TL 56 800 Td\n${p.map((l) => `(${esc(encode(l))}) Tj T*`).join('\n')}\nET`;
    const c = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    return add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontObj} 0 R >> >> /Contents ${c} 0 R >>`);
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { pdf: Buffer.from(pdf, 'latin1'), shown };
}

/** A seeded generator, so renders are the same on every run. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function degrade(page, d, seed) {
  const { createCanvas } = await import('@napi-rs/canvas');
  const { width: w, height: h } = page;
  let px = Float32Array.from(page.pixels);
  const rnd = random(seed);
  if (d.thicken) {
    const src = px.slice();
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      px[i] = Math.min(src[i], src[i - 1], src[i + 1], src[i - w], src[i + w]);
    }
  }
  for (let k = 0; k < d.blur; k++) {
    const src = px.slice();
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      px[i] = (src[i] * 4 + src[i - 1] + src[i + 1] + src[i - w] + src[i + w]) / 8;
    }
  }
  for (let i = 0; i < px.length; i++) {
    // faded ink, then sensor noise (sum of uniforms, roughly Gaussian)
    const ink = 255 - (255 - px[i]) * d.ink;
    px[i] = Math.max(0, Math.min(255, ink + (rnd() + rnd() + rnd() - 1.5) * d.noise));
  }
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(w, h);
  for (let i = 0; i < px.length; i++) img.data.set([px[i], px[i], px[i], 255], i * 4);
  ctx.putImageData(img, 0, 0);
  return jfifDensity(c.toBuffer('image/jpeg', d.jpeg), d.dpi);
}

/** Sets (or adds) the JFIF resolution, so protokoll reads the render at the resolution it was made at. */
function jfifDensity(jpeg, dpi) {
  const b = Buffer.from(jpeg);
  if (b[2] === 0xff && b[3] === 0xe0 && b.toString('latin1', 6, 11) === 'JFIF\0') {
    b[13] = 1;
    b.writeUInt16BE(dpi, 14);
    b.writeUInt16BE(dpi, 16);
    return b;
  }
  const app0 = Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, dpi >> 8, dpi & 255, dpi >> 8, dpi & 255, 0, 0]);
  return Buffer.concat([b.subarray(0, 2), app0, b.subarray(2)]);
}

// ---- the readings ----
const sources = [];
for (const set of ['scanned', 'scanned-hard']) {
  const dir = path.join(fixtures, set);
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.pdf')).sort()) {
    const name = f.replace(/\.pdf$/, '');
    const truth = [path.join(dir, `${name}.txt`), path.join(fixtures, 'text', `${name}.txt`)].find((t) => fs.existsSync(t));
    if (truth && !DAMAGED_TRUTH.has(name)) sources.push({ id: `${set}/${name}`, files: [path.join(dir, f)], truth: fs.readFileSync(truth, 'utf8') });
  }
}
for (const [deg, d] of Object.entries(DEGRADATIONS)) {
  for (const f of fs.readdirSync(path.join(fixtures, 'text')).filter((x) => x.endsWith('.txt')).sort()) {
    const name = f.replace(/\.txt$/, '');
    if (DAMAGED_TRUTH.has(name)) continue;
    const dir = path.join(work, 'renders', deg);
    const truthFile = path.join(dir, `${name}.txt`);
    if (!fs.existsSync(truthFile)) {
      fs.mkdirSync(dir, { recursive: true });
      const { pdf, shown } = textPdf(fs.readFileSync(path.join(fixtures, 'text', f), 'utf8'), d.font, d.size);
      const doc = new PdfFile(new Uint8Array(pdf), name);
      for (let n = 1, count = await doc.pageCount(); n <= count; n++) {
        const page = await doc.renderPage(n, d.dpi, 1e8);
        fs.writeFileSync(path.join(dir, `${name}-p${n}.jpg`), await degrade(page, d, n * 7919 + name.length));
      }
      await doc.destroy();
      fs.writeFileSync(truthFile, shown);
    }
    const files = fs.readdirSync(dir).filter((x) => x.startsWith(`${name}-p`) && x.endsWith('.jpg')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((x) => path.join(dir, x));
    sources.push({ id: `render/${deg}/${name}`, files, truth: fs.readFileSync(truthFile, 'utf8') });
  }
}

const READERS = {
  native: { engine: 'native', lang: 'swe' },
  wasm: { engine: 'wasm', lang: 'swe' },
  'native-eng': { engine: 'native', lang: 'eng' },
};

async function limited(items, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  }));
}

for (const reader of readers) {
  const { engine, lang } = READERS[reader];
  const todo = sources.filter((s) => !fs.existsSync(cacheFile(s, reader)));
  if (todo.length === 0) continue;
  const pool = new OcrPool({ jobs, engine, lang });
  try {
    await limited(todo, 2, async (s) => {
      const texts = [];
      for (const file of s.files) {
        const doc = await readInput(new Uint8Array(fs.readFileSync(file)), file, { ocr: 'always', ocrPool: pool });
        texts.push(doc.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n'));
      }
      fs.mkdirSync(path.dirname(cacheFile(s, reader)), { recursive: true });
      fs.writeFileSync(cacheFile(s, reader), texts.join('\n'));
      console.error(`read ${s.id} with ${reader}`);
    });
  } finally {
    await pool.terminate();
  }
}

function cacheFile(s, reader) {
  return path.join(work, 'readings', reader, `${s.id.replace(/\//g, '__')}.txt`);
}

// ---- alignment and counts ----
const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** counts[reader][truth][read] */
const counts = {};
let edits = 0;
let chars = 0;
const isLetter = (ch) => ch !== undefined && /\p{L}/u.test(ch);
/** Every reading, normalised, for counting how often a glyph occurs in words at all. */
const readings = [];
for (const reader of readers) {
  const c = (counts[reader] = {});
  const bump = (t, r) => ((c[t] ??= {})[r] = (c[t][r] ?? 0) + 1);
  for (const s of sources) {
    const truth = [...norm(s.truth)];
    const read = norm(fs.readFileSync(cacheFile(s, reader), 'utf8'));
    readings.push(read);
    const parts = diffChars(truth.join(''), read, { timeout: 60_000 }) ?? [];
    chars += truth.length;
    // Only characters inside words count (a letter on at least one side in the ground truth): repair works on
    // words, and a '6' between letters is a different thing from a '6' in a date.
    const inWord = (at, length) => isLetter(truth[at - 1]) || isLetter(truth[at + length]);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (!p.added && !p.removed) {
        const run = [...p.value];
        run.forEach((ch, k) => { if (inWord(at + k, 1)) bump(ch, ch); });
        at += run.length;
        continue;
      }
      // A removed run next to an added run is one confusion (either order); a lone run is a deletion or an insertion.
      const q = parts[i + 1];
      const pair = q && (q.added || q.removed) && q.added !== p.added ? q : null;
      const g = [...(p.removed ? p.value : pair?.value ?? '')];
      const a = [...(p.added ? p.value : pair?.value ?? '')];
      if (pair) i++;
      edits += Math.max(g.length, a.length);
      const start = at;
      at += g.length;
      if (g.length === 0 || g.join('').trim() === '' || (a.length > 0 && a.join('').trim() === '')) continue;
      if (g.length > 3 || a.length > 3 || !inWord(start, g.length)) continue; // reordered or dropped text, or not in a word
      if (g.length === a.length) g.forEach((ch, k) => bump(ch, a[k]));
      else if (g.length === 1) bump(g[0], a.join(''));
      else if (a.length === 0) g.forEach((ch) => bump(ch, ''));
    }
  }
}

const LETTERS = ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö'];
const merged = {};
for (const reader of readers) for (const [t, m] of Object.entries(counts[reader])) for (const [r, n] of Object.entries(m)) (merged[t] ??= {})[r] = (merged[t][r] ?? 0) + n;

/** How often `glyph` occurs in the readings with a letter on at least one side: the denominator of P(letter | glyph). */
function occurrences(glyph) {
  let n = 0;
  for (const text of readings) {
    for (let at = text.indexOf(glyph); at >= 0; at = text.indexOf(glyph, at + 1)) {
      if (isLetter(text[at - 1]) || isLetter(text[at + glyph.length])) n++;
    }
  }
  return n;
}

const table = {};
for (const t of LETTERS) {
  for (const [r, n] of Object.entries(merged[t] ?? {})) {
    if (r === t || n < MIN_COUNT || r === '' || /\s/.test(r)) continue;
    // The glyph keeps its case (a capital G inside a word is another thing than a g); the letter is lower case.
    const entry = ((table[r] ??= {})[t.toLowerCase()] ??= { count: 0 });
    entry.count += n;
  }
}
const letterTotal = (l) => [l, l.toUpperCase()].reduce((sum, x) => sum + Object.values(merged[x] ?? {}).reduce((a, b) => a + b, 0), 0);
const substitutions = Object.fromEntries(Object.entries(table).sort().map(([g, m]) => {
  const of = Math.max(occurrences(g), ...Object.values(m).map((e) => e.count));
  const round = (x) => Math.round(x * 1e5) / 1e5;
  // p: how surely the glyph stands for the letter; rate: how often the letter is read as the glyph
  return [g, Object.fromEntries(Object.entries(m).map(([l, e]) => [l, { count: e.count, p: round(e.count / of), rate: round(e.count / letterTotal(l)) }]))];
}));

const letterRows = Object.fromEntries(LETTERS.map((t) => {
  const m = merged[t] ?? {};
  const total = Object.values(m).reduce((a, b) => a + b, 0);
  return [t, { total, read: Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1])) }];
}));

fs.writeFileSync(out, `${JSON.stringify({
  about: 'OCR confusions of å/ä/ö counted by scripts/confusions/build.mjs: shared scans and degraded renders of the shared text fixtures, read by protokoll with native tesseract and tesseract.js (Swedish model) and with the English model (as old scanner OCR layers were made), aligned with the ground truth.',
  minCount: MIN_COUNT,
  readers,
  sources: sources.map((s) => s.id),
  characters: chars,
  substitutions,
  letters: letterRows,
}, null, 1)}\n`);
console.log(`${sources.length} sources × ${readers.length} readers, ${chars} ground-truth characters, ${edits} edits`);
for (const t of LETTERS) console.log(`${t} (${letterRows[t].total}):`, Object.entries(letterRows[t].read).slice(0, 12).map(([r, n]) => `${JSON.stringify(r)} ${n}`).join(', '));
console.log('repair table (glyph → letter: count, P(letter | glyph), how often the letter is read as the glyph):');
for (const [g, m] of Object.entries(substitutions)) console.log(`  ${JSON.stringify(g)} → ${Object.entries(m).map(([l, e]) => `${l} ${e.count} (P(letter|glyph) ${e.p}, rate ${e.rate})`).join(', ')}`);
console.log(`wrote ${path.relative(repo, out)}`);
