// PDFs that are damaged but readable, or empty of content: converted in bounded time, with a warning that says what happened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { buildPdf } from './pdf-builder.js';

async function convertPdf(pdf: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-pdf-'));
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, pdf);
  const io = fakeIo();
  const code = await run(['convert', file], io);
  return { code, doc: code === 0 ? JSON.parse(io.stdout()) : null, stderr: io.stderr() };
}

describe('damaged or empty PDFs', () => {
  it('500 blank pages finish quickly with one warning for the run, without OCR', async () => {
    const { code, doc } = await convertPdf(buildPdf(Array.from({ length: 500 }, () => [])));
    expect(code).toBe(0);
    expect(doc.source.pages).toHaveLength(500);
    expect(doc.warnings).toContainEqual({ code: 'page-blank', message: 'pages 1–500 are blank', page: 1, line: 1 });
    expect(doc.warnings.filter((w: { code: string }) => w.code === 'page-blank')).toHaveLength(1);
    expect(doc.document.kind).toBe('unknown');
    // Bounded work: no page went to OCR (which would take many minutes for 500 pages).
    expect(doc.source.pages.every((p: { text: string }) => p.text === 'layer')).toBe(true);
  });
  it('a broken cross-reference table is rebuilt, and the output says so', async () => {
    const good = buildPdf([['PROTOKOLL', 'Datum: 2024-02-01', 'Beslutande', 'Anna Ek (S)', '§ 1 Öppnande', 'Mötet öppnades.']]);
    const text = good.toString('latin1');
    const broken = Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1');
    const { code, doc } = await convertPdf(broken);
    expect(code).toBe(0);
    expect(doc.warnings[0]).toMatchObject({ code: 'pdf-xref-rebuilt' });
    expect(doc.items.map((i: { title: string }) => i.title)).toEqual(['Öppnande']);
  });
});
