import { describe, expect, it } from 'vitest';
import { parseParagraphHeading } from '../../src/segment/item-heading.js';
import { segmentText } from '../helpers.js';

const parse = (t: string) => { const h = parseParagraphHeading(t); return h && [h.prefix, h.paragraph, h.number, h.title, h.caseNumber]; };

describe('the grammar of a heading line', () => {
  it('reads the sign with or without a body code, and sub-paragraphs', () => {
    expect(parse('§ 7 Budget 2026')).toEqual([null, 7, null, 'Budget 2026', null]);
    expect(parse('TN § 112\tTN 2023/0456')).toEqual(['TN', 112, null, '', 'TN 2023/0456']);
    expect(parse('MBN §9 Tillsyn av enskilda avlopp')).toEqual(['MBN', 9, null, 'Tillsyn av enskilda avlopp', null]);
    expect(parse('§ 15 b Val av revisorsersättare')).toEqual([null, 15, '15 b', 'Val av revisorsersättare', null]);
    expect(parse('§ 30a')).toEqual([null, 30, '30 a', '', null]);
  });
  it('finds the case number at the right, with or without Dnr, in the shapes systems print', () => {
    expect(parse('§ 4\tDnr SBN-2022-00123')?.[4]).toBe('SBN-2022-00123');
    expect(parse('§ 5 Detaljplan för Norra hamnen\tDnr 2021:88')?.slice(3)).toEqual(['Detaljplan för Norra hamnen', '2021:88']);
    expect(parse('§ 6 2022.045 KFN')?.slice(3)).toEqual(['', '2022.045 KFN']);
    expect(parse('§ 8 Dnr:SN/2020.7 Riktlinjer för ekonomiskt bistånd')?.slice(3)).toEqual(['Riktlinjer för ekonomiskt bistånd', 'SN/2020.7']);
  });
  it('is not a reference to a range of paragraphs or a sentence about one', () => {
    expect(parse('§ 12-15 behandlades i ett sammanhang')).toBeNull();
    expect(parse('Enligt § 3 i reglementet')).toBeNull();
  });
});

describe('titles and case numbers below the heading line', () => {
  it('takes the title from the next line when the heading line holds only numbers', () => {
    const r = segmentText('KFN § 22\tKFN 2024/31\n\nBidrag till studieförbund 2025\n\nÄrendebeskrivning\nText.');
    expect(r.items.map((i) => [i.paragraph, i.title, i.caseNumber])).toEqual([[22, 'Bidrag till studieförbund 2025', 'KFN 2024/31']]);
  });
  it('reads a case number standing alone under the heading', () => {
    const r = segmentText('§ 3 Val av ombud till förbundsstämman\nDNR:KS/2023.19\n\nTill ombud valdes Eva Ek.');
    expect(r.items[0]).toMatchObject({ title: 'Val av ombud till förbundsstämman', caseNumber: 'KS/2023.19' });
  });
  it('continues a title over two lines, also where the second starts with a capital or a name', () => {
    const r = segmentText([
      '§ 61\tDnr KS 2024/77', '',
      'Interpellation från Hanna Borg (V) till socialnämndens ordförande Karl Dahl (M) angående',
      'Väntetider i hemtjänsten', '', 'Ärendebeskrivning', 'Text om ärendet som är längre än en rad och fortsätter vidare här nedanför.', '',
      '§ 62\tDnr KS 2024/80', '',
      'Fråga från Lena Ström (C) till kommunstyrelsens ordförande',
      'Olof Berg (M) om bredband på landsbygden', '', 'Beslut', 'Frågan får ställas.',
    ].join('\n'));
    expect(r.items.map((i) => i.title)).toEqual([
      'Interpellation från Hanna Borg (V) till socialnämndens ordförande Karl Dahl (M) angående Väntetider i hemtjänsten',
      'Fråga från Lena Ström (C) till kommunstyrelsens ordförande Olof Berg (M) om bredband på landsbygden',
    ]);
  });
  it('does not run a short title into the sentence under it', () => {
    const r = segmentText('§ 9 Val av justerare\nTill justerare valdes Eva Lund.\n\n§ 10 Information\nKommundirektören informerade.');
    expect(r.items.map((i) => i.title)).toEqual(['Val av justerare', 'Information']);
  });
});
