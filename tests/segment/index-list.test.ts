import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const ITEMS = '§ 31\tDnr 2024:5\nÖversyn av taxor\n\nBeslut\nNämnden antar taxan.\n\n§ 32\tDnr 2024:9\nSkolskjutsar\n\nBeslut\nNämnden noterar informationen.\n\n§ 33\tDnr 2024:12\nDelegationsbeslut\n\nBeslut\nNämnden godkänner redovisningen.';

describe('an index of the items before the items', () => {
  it('is the agenda, and only the items after it are items', () => {
    const r = segmentText(`Innehåll\n\n§ 31 Dnr 2024:5\nÖversyn av taxor ........ 3\n\n§ 32 Dnr 2024:9\nSkolskjutsar ........ 4\n\n§ 33 Dnr 2024:12\nDelegationsbeslut ........ 5\n\f${ITEMS}`);
    expect(r.agenda.map((a) => [a.number, a.title, a.page])).toEqual([['31', 'Översyn av taxor', 3], ['32', 'Skolskjutsar', 4], ['33', 'Delegationsbeslut', 5]]);
    expect(r.items.map((i) => [i.paragraph, i.title, i.decisions.length])).toEqual([[31, 'Översyn av taxor', 1], [32, 'Skolskjutsar', 1], [33, 'Delegationsbeslut', 1]]);
  });
  it('joins an entry\'s title wrapped over two lines, without dot leaders', () => {
    const r = segmentText(`Ärendelista\n\n§ 31\tDnr 2024:5\n\tÖversyn av taxor för\n\tbygglov och tillsyn\n§ 32\tDnr 2024:9\n\tSkolskjutsar\n§ 33\tDnr 2024:12\n\tDelegationsbeslut\n\f${ITEMS}`);
    expect(r.agenda.map((a) => a.title)).toEqual(['Översyn av taxor för bygglov och tillsyn', 'Skolskjutsar', 'Delegationsbeslut']);
  });
  it('pairs numbers and titles that a two-column table gave apart', () => {
    const r = segmentText(`Ärendelista\n\n§ 31\tDnr 2024:5\n§ 32\tÖversyn av taxor\n§ 33\n\tDnr 2024:9\n\tSkolskjutsar\n\n\tDnr 2024:12\n\tDelegationsbeslut\n\f${ITEMS}`);
    expect(r.agenda.map((a) => [a.number, a.title])).toEqual([['31', 'Översyn av taxor'], ['32', 'Skolskjutsar'], ['33', 'Delegationsbeslut']]);
    expect(r.items).toHaveLength(3);
  });
  it('continues a title that wraps under the § line that carries its start', () => {
    const r = segmentText(`Ärendelista\nBUN §31   Översyn av taxor för barn- och\n         utbildningsnämnden\nBUN §32   Skolskjutsar i\n         Norrvika kommun\nBUN §33   Delegationsbeslut\n\f${ITEMS}`);
    expect(r.agenda.map((a) => a.title)).toEqual(['Översyn av taxor för barn- och utbildningsnämnden', 'Skolskjutsar i Norrvika kommun', 'Delegationsbeslut']);
  });
  it('pairs in order when the rows of numbers and wrapped titles slid apart, the titles told apart by their wording', () => {
    const r = segmentText(`Ärendelista\n\n§ 31\n§ 32           Översyn av taxor för bygglov enligt\n§ 33           plan- och bygglagen\n               Skolskjutsar\n               Delegationsbeslut\n\f${ITEMS}`);
    expect(r.agenda.map((a) => [a.number, a.title])).toEqual([['31', 'Översyn av taxor för bygglov enligt plan- och bygglagen'], ['32', 'Skolskjutsar'], ['33', 'Delegationsbeslut']]);
    expect(r.items).toHaveLength(3);
  });
});

describe('dot leaders as OCR reads them', () => {
  it('are no part of the title', async () => {
    const { withoutOcrLeaders } = await import('../../src/segment/text.js');
    expect(withoutOcrLeaders('Tilldelningsbeslut .........+ssssssssssssssssssssssss00sssssesnnnensnnnen 3')).toBe('Tilldelningsbeslut ....... 3');
    expect(withoutOcrLeaders('Val av revisorer för 2025 3')).toBe('Val av revisorer för 2025 3');
    expect(withoutOcrLeaders('Mötets öppnande ....................... 4')).toBe('Mötets öppnande ....................... 4');
    const r = segmentText('Innehåll\n§14\nTilldelningsbeslut .........+ssssssssssssss00sssssesnnnensnnnen 3\n\f§14\nTilldelningsbeslut\n\nBeslut\nKommunrevisionen antar anbudet.');
    expect(r.agenda.map((a) => [a.number, a.title, a.page])).toEqual([['14', 'Tilldelningsbeslut', 3]]);
  });
});
