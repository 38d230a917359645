import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { buildPdf } from './pdf-builder.js';

describe('PDFs built for tests', () => {
  it('carry a text layer the converter reads', async () => {
    const pdf = buildPdf([['PROTOKOLL', 'Kommunstyrelsen', 'Datum: 2024-02-01', '', 'Beslutande', 'Anna Ek (S), ordförande'], ['§ 1 Öppnande', 'Mötet öppnades.']]);
    const doc = await convert(pdf, { fileName: 'built.pdf', ocr: 'never' } as Parameters<typeof convert>[1]);
    expect(doc.source.pages).toHaveLength(2);
    expect(doc.document.date).toBe('2024-02-01');
    expect(doc.attendees.map((a) => a.name)).toEqual(['Anna Ek']);
    expect(doc.items.map((i) => [i.paragraph, i.title, i.source.page])).toEqual([[1, 'Öppnande', 2]]);
  });
});
