// Tables in OCR: does a row come out as one line, its cells in order? Small tables as minutes have them (a fee
// table, a vote count, an attendance list with parties), typeset here in a PDF, rendered and lightly degraded,
// then read by each page segmentation mode, scored both as Tesseract orders its lines and after protokoll's own
// line assembly (src/ocr/page.ts, which joins boxes that share a row).
//
// usage: npm run build && node scripts/bench/ocr-tables.mjs [--engine native|wasm] [--psm 3,4,6] [--dpi 200,300]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => import(path.join(repo, 'dist', p));
const { OcrPool } = await dist('ocr/pool.js');
const { PdfFile } = await dist('input/pdf.js');
const { preparePage } = await dist('ocr/page-image.js');
const { pageLines } = await dist('ocr/page.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const engine = option('--engine', 'native');
const modes = option('--psm', '3,4,6').split(',');
const resolutions = option('--dpi', '200,300').split(',').map(Number);

// Each table: column x positions (points) and rows of cells; text above and below, as on a page of minutes.
const TABLES = [
  {
    name: 'fee table',
    columns: [72, 330, 450],
    rows: [
      ['Ärende', 'Avgift', 'Timmar'], ['Bygglov för enbostadshus', '12 500 kr', '8'], ['Tillbyggnad', '6 250 kr', '4'],
      ['Marklov', '3 100 kr', '2'], ['Rivningslov', '2 400 kr', '2'], ['Förhandsbesked', '5 800 kr', '4'], ['Strandskyddsdispens', '7 750 kr', '5'],
    ],
  },
  {
    name: 'vote count',
    columns: [72, 250, 330, 410, 490],
    rows: [
      ['Parti', 'Ja', 'Nej', 'Avstår', 'Frånv.'], ['Socialdemokraterna', '5', '0', '0', '1'], ['Moderaterna', '0', '3', '0', '0'],
      ['Centerpartiet', '2', '0', '0', '0'], ['Sverigedemokraterna', '0', '2', '1', '0'], ['Liberalerna', '1', '0', '0', '0'], ['Summa', '8', '5', '1', '1'],
    ],
  },
  {
    name: 'attendance',
    columns: [72, 260, 330, 450],
    rows: [
      ['Ledamot', 'Parti', 'Närvarande', 'Ersättare'], ['Anna Öberg', 'S', 'x', ''], ['Per Åkesson', 'M', '', 'Lars Ek'],
      ['Maria Lindström', 'C', 'x', ''], ['Göran Häll', 'SD', 'x', ''], ['Karin Björk', 'V', '', 'Eva Sjö'], ['Jonas Nyström', 'L', 'x', ''],
    ],
  },
];

function tablePdf(table) {
  const cp1252 = (s) => Buffer.from(s, 'latin1').toString('latin1');
  const esc = (s) => cp1252(s).replace(/[\\()]/g, (m) => `\\${m}`);
  let content = 'BT /F1 11 Tf 72 760 Td (§ 12 Taxor och avgifter 2024) Tj ET\n';
  content += 'BT /F1 11 Tf 72 740 Td (Nämnden beslutade att fastställa följande enligt tabellen nedan.) Tj ET\n';
  table.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) content += `BT /F1 11 Tf ${table.columns[c]} ${700 - r * 18} Td (${esc(cell)}) Tj ET\n`;
    });
  });
  content += `BT /F1 11 Tf 72 ${690 - table.rows.length * 18} Td (Beslutet gäller från och med den 1 januari 2024.) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** Light scanner noise and a slight tilt, so the mode has to find rows on a real-looking page. */
function scanLike(page, seed) {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const px = page.pixels;
  for (let i = 0; i < px.length; i++) px[i] = Math.max(0, Math.min(255, px[i] * 0.92 + 12 + (rnd() + rnd() - 1) * 24));
  return page;
}

const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** A row is intact when one line holds all its cells, in order. */
function rowsIntact(lines, table) {
  let ok = 0;
  for (const row of table.rows) {
    const cells = row.filter(Boolean).map(norm);
    const hit = lines.some((line) => {
      const l = norm(line);
      let at = 0;
      for (const c of cells) {
        const i = l.indexOf(c, at);
        if (i < 0) return false;
        at = i + c.length;
      }
      return true;
    });
    if (hit) ok++;
  }
  return ok;
}

console.log(`tables read by ${engine}; rows intact (all cells on one line, in order) out of ${TABLES.reduce((a, t) => a + t.rows.length, 0)}`);
console.log('psm  dpi  as Tesseract orders lines  after protokoll\'s line assembly');
for (const psm of modes) {
  const pool = new OcrPool({ jobs: 1, engine, parameters: { tessedit_pageseg_mode: psm } });
  try {
    for (const dpi of resolutions) {
      let raw = 0;
      let assembled = 0;
      for (const [i, table] of TABLES.entries()) {
        const pdf = new PdfFile(tablePdf(table), table.name);
        const page = scanLike(await pdf.renderPage(1, dpi, 1e8), 17 + i);
        await pdf.destroy();
        const read = await pool.recognize({ image: preparePage(page).image });
        const tesseractLines = (read.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => l.words.map((w) => w.text).join(' '))));
        raw += rowsIntact(tesseractLines, table);
        assembled += rowsIntact(pageLines(read, 1).lines.map((l) => l.text), table);
      }
      console.log(`${psm.padStart(3)}  ${String(dpi).padStart(3)}  ${String(raw).padStart(24)}  ${String(assembled).padStart(31)}`);
    }
  } finally {
    await pool.terminate();
  }
}
