// An item whose "§ N" OCR could not read is found again by the case number its index entry pairs with the §.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const INDEX = 'Innehåll\nS$ 179 Dnr KS-2025-00970\nMarkanvisningstävling för Aranäs etapp 4\nS 180 Dnr KS-2026-00174\nMarkanvisningstävling småhus inom kvarteret Gjutaren och\nLiljan\n';

describe('headings found by their case number', () => {
  it('finds both items when their § lines came out as noise', () => {
    const r = segmentText(`${INDEX}\fATG\tDnr KS-2025-00970\tre\nMarkanvisningstävling för Aranäs etapp 4\n\nBeslut\nKommunstyrelsen godkänner utvärderingen.\n\f\tDnr KS-2026-00174\nMarkanvisningstävling småhus inom kvarteret Gjutaren och Liljan\n\nBeslut\nKommunstyrelsen godkänner utvärderingen av småhus.`);
    expect(r.agenda.map((a) => [a.number, a.title])).toEqual([['179', 'Markanvisningstävling för Aranäs etapp 4'], ['180', 'Markanvisningstävling småhus inom kvarteret Gjutaren och Liljan']]);
    expect(r.items.map((i) => [i.paragraph, i.caseNumber, i.title, i.decisions.length])).toEqual([
      [179, 'KS-2025-00970', 'Markanvisningstävling för Aranäs etapp 4', 1],
      [180, 'KS-2026-00174', 'Markanvisningstävling småhus inom kvarteret Gjutaren och Liljan', 1],
    ]);
  });
  it('adds nothing where every listed § has its heading', () => {
    const r = segmentText(`${INDEX}\fKS § 179\tDnr KS-2025-00970\nMarkanvisningstävling för Aranäs etapp 4\n\nBeslut\nGodkänns. Se även Dnr KS-2026-00174.\n\fKS § 180\tDnr KS-2026-00174\nMarkanvisningstävling småhus\n\nBeslut\nGodkänns.`);
    expect(r.items.map((i) => i.paragraph)).toEqual([179, 180]);
  });
});
