// Index rows: counts from a converted document, and the order in which rows need a person's look.
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { attention, convertedRow, failedRow, type IndexRow } from '../../src/review/rows.js';
import { minutes } from '../batch/tree.js';

const base: Omit<IndexRow, 'attention'> = {
  file: 'a.pdf', status: 'converted', reason: null, href: 'docs/a.pdf.html', format: 'pdf', kind: 'protokoll', organization: null, body: null,
  date: null, attendees: 5, items: 4, decisions: 2, warnings: {}, pages: 2, pagesOcr: 0, ocrConfidence: null,
};

describe('index rows', () => {
  it('count what was found, warnings by code and OCR confidence over the OCR\'d pages', async () => {
    const doc = await convert(Buffer.from(minutes(3)), { fileName: 'a.txt' });
    const row = convertedRow('sub/a.txt', 'docs/sub/a.txt.html', doc);
    expect(row).toMatchObject({ file: 'sub/a.txt', status: 'converted', format: 'text', kind: 'protokoll', date: '2024-03-13', items: 2, pages: 1, pagesOcr: 0, ocrConfidence: null });
    expect(row.attendees).toBe(doc.attendees.length);
    const ocr = { ...doc, source: { ...doc.source, pages: [{ number: 1, text: 'ocr' as const, ocrConfidence: 80, size: null }, { number: 2, text: 'ocr' as const, ocrConfidence: 61, size: null }] }, warnings: [{ code: 'ocr-low-confidence', message: '', page: 2, line: 1 }, { code: 'ocr-low-confidence', message: '', page: 2, line: 4 }] };
    expect(convertedRow('b.pdf', 'docs/b.pdf.html', ocr)).toMatchObject({ pagesOcr: 2, ocrConfidence: 70.5, warnings: { 'ocr-low-confidence': 2 } });
  });

  it('put failures first, then text that is not minutes, weak OCR, no items, and many warnings before few', () => {
    const failed = failedRow('x.pdf', 'the PDF is damaged').attention;
    const notMinutes = attention({ ...base, items: 0, attendees: 0, warnings: { 'not-minutes': 1 } });
    const weakOcr = attention({ ...base, pagesOcr: 2, ocrConfidence: 58 });
    const noItems = attention({ ...base, items: 0, warnings: { 'no-items': 1 } });
    const warned = attention({ ...base, warnings: { 'date-without-year': 1, 'ocr-low-confidence': 3 } });
    const clean = attention(base);
    expect([failed, notMinutes, weakOcr, noItems, warned, clean]).toEqual([...[failed, notMinutes, weakOcr, noItems, warned, clean]].sort((a, b) => b - a));
    expect(new Set([failed, notMinutes, weakOcr, noItems, warned, clean]).size).toBe(6);
    expect(clean).toBe(0);
  });
});
