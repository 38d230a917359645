// Segmentation of OCR'd text: the confusions OCR makes in headings and tables of contents are read through.
import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../src/clean/index.js';
import { segment } from '../../src/segment/index.js';
import { dedent } from '../helpers.js';

function segmentOcr(text: string) {
  const lines = dedent(text).split('\n').map((t, i) => ({ text: t, page: 1, line: i + 1, confidence: 90 }));
  return segment(cleanPages([{ number: 1, source: 'ocr', ocrConfidence: 90, lines }]));
}

describe("OCR'd minutes", () => {
  it('reads § read as 8 when the number continues the sequence, and (1) as the kind I', () => {
    const r = segmentOcr(`
      §793 Uppdrag gemensam portal (U)
      Text.

      8794 Övriga frågor (1)
      Inga frågor.

      8123 kronor per invånare betalas.
    `);
    expect(r.items.map((i) => [i.paragraph, i.title, i.kind])).toEqual([[793, 'Uppdrag gemensam portal', 'U'], [794, 'Övriga frågor', 'I']]);
    expect(r.items[1]!.body).toContain('8123 kronor');
  });
  it('reads "3," as a numbered heading', () => {
    const r = segmentOcr('HH 2. Civilt försvar\nText.\n\nHH 3, Återkoppling från SKR\nText.');
    expect(r.items.map((i) => [i.number, i.title])).toEqual([['2', 'Civilt försvar'], ['3', 'Återkoppling från SKR']]);
  });
  it('keeps a table of contents whole when OCR lost a page number', () => {
    const r = segmentOcr('§784 Mötets öppnande 4\n§785 Val av justerare\t5\n§786 Dagordning\n§787 Föregående protokoll\t7\n8788 IT-samverkan (1) 8');
    expect(r.agenda.map((a) => [a.number, a.title, a.page])).toEqual([
      ['784', 'Mötets öppnande', 4], ['785', 'Val av justerare', 5], ['786', 'Dagordning', null], ['787', 'Föregående protokoll', 7], ['788', 'IT-samverkan', 8],
    ]);
    expect(r.items).toEqual([]);
  });
  it('reads a label glued to the first name', () => {
    const r = segmentOcr('TjänstepersonerMikaela Waltersson (M) (ordförande) (Region Halland) Helene Andersson (C) (Region Halland)');
    expect(r.attendees.map((a) => [a.name, a.group])).toEqual([['Mikaela Waltersson', 'övriga'], ['Helene Andersson', 'övriga']]);
  });
});

describe('numbers with heading marks glued on', () => {
  it('reads "X3.", "\\"4." and "\\"45." as 3, 4 and 5 when the sequence says so', () => {
    const r = segmentOcr('2. Civilt försvar\nText.\n\nX3. Återkoppling från SKR\nText.\n\n"4. Inför möte med länsstyrelsen\nText.\n\n"45. Rapport från nätverket\nText.');
    expect(r.items.map((i) => [i.number, i.title])).toEqual([['2', 'Civilt försvar'], ['3', 'Återkoppling från SKR'], ['4', 'Inför möte med länsstyrelsen'], ['5', 'Rapport från nätverket']]);
  });
  it('reads an entry whose comma was read as a semicolon', () => {
    const r = segmentOcr('Närvarande\nPia Alhäll; Härryda\nMalin Aronsson, Kungsbacka');
    expect(r.attendees.map((a) => [a.name, a.organization])).toEqual([['Pia Alhäll', 'Härryda'], ['Malin Aronsson', 'Kungsbacka']]);
  });
});

describe('letters read for digits', () => {
  it('reads "HHS, Rapport" as heading 5 between 4 and 6, and leaves a lone "S. Andersson" alone', () => {
    const r = segmentOcr('4. Inför möte\nText.\n\nHHS, Rapport från nätverket\nText.\n\n6. Tema\nS. Andersson deltog.');
    expect(r.items.map((i) => [i.number, i.title])).toEqual([['4', 'Inför möte'], ['5', 'Rapport från nätverket'], ['6', 'Tema']]);
  });
});
