// Issue 13 points 13 and 14: OCR debris is cleaned out of field values (or the value left out with a warning),
// and a date in running text is not taken as the meeting date.
import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../src/clean/index.js';
import { textToPages } from '../../src/input/text.js';
import { cleanFieldValue } from '../../src/segment/field.js';
import { isRunningText } from '../../src/segment/header.js';
import { segment } from '../../src/segment/index.js';
import { dedent, segmentText } from '../helpers.js';

/** Segments text as if every page had been read by OCR. */
const segmentOcr = (text: string) => segment(cleanPages(textToPages(dedent(text)).map((p) => ({ ...p, source: 'ocr' as const }))));

describe('cleanFieldValue', () => {
  it('drops what OCR leaves around a value on an OCR\'d line', () => {
    expect(cleanFieldValue('GBG 3', true)).toEqual({ value: 'GBG', dropped: false });
    expect(cleanFieldValue('Lilla Edet: SEN erg', true)).toEqual({ value: 'Lilla Edet', dropped: false });
    expect(cleanFieldValue('Helsingborg -:', true)).toEqual({ value: 'Helsingborg', dropped: false });
    expect(cleanFieldValue('» Kungälv', true)).toEqual({ value: 'Kungälv', dropped: false });
    expect(cleanFieldValue('3 :', true)).toEqual({ value: null, dropped: true });
  });
  it('leaves good values and typed text alone', () => {
    expect(cleanFieldValue('Lilla Edet', true)).toEqual({ value: 'Lilla Edet', dropped: false });
    expect(cleanFieldValue('Region Halland', true)).toEqual({ value: 'Region Halland', dropped: false });
    expect(cleanFieldValue('Sal 3', false)).toEqual({ value: 'Sal 3', dropped: false });
    expect(cleanFieldValue('§§ 4–5', false)).toEqual({ value: '§§ 4–5', dropped: false });
    expect(cleanFieldValue(null, true)).toEqual({ value: null, dropped: false });
  });
  it('cleans attendee organisations read by OCR', () => {
    const r = segmentOcr(`
      Anteckningar
      Närvarande
      Eva Hessman, GBG 3
      Elisabeth Linderöth, Lilla Edet: SEN erg
      Mio Saba, Mölndal
      § 1 Öppnande
      Mötet öppnades.
    `);
    expect(r.attendees.map((a) => [a.name, a.organization])).toEqual([['Eva Hessman', 'GBG'], ['Elisabeth Linderöth', 'Lilla Edet'], ['Mio Saba', 'Mölndal']]);
  });
});

describe('the meeting date', () => {
  it('is not taken from a sentence in the body, and that is said in a warning', () => {
    const r = segmentText(`
      Minnesanteckningar
      Närvarande: Anna Andersson, Bertil Berg
      Den nya taxan gäller från 1 januari 2027 enligt förslaget.
      § 1 Taxa
      Nämnden beslutade att anta taxan.
    `);
    expect(r.document.date).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('date-in-running-text');
  });
  it('is still taken from a header line, and from the opening sentence of older minutes', () => {
    expect(segmentText('Minnesanteckningar\nHelsingborg 2025-12-12 anna.ek@helsingborg.se\nNärvarande: Anna Andersson, Bertil Berg\n§ 1 Öppnande\nText.').document.date).toBe('2025-12-12');
    expect(segmentText('Protokoll fört vid sammanträde med kommunalnämnden i Skogsby kommun den 18 mars 1974 kl. 19.00\nNärvarande: Anna Andersson, Bertil Berg\n§ 1 Öppnande\nText.').document.date).toBe('1974-03-18');
  });
  it('tells running text from a header line', () => {
    expect(isRunningText('Den nya taxan gäller från 1 januari 2027.', '1 januari 2027')).toBe(true);
    expect(isRunningText('Tisdagen den 14 mars 2023 kl. 18.00–20.15', '14 mars 2023')).toBe(false);
    expect(isRunningText('Sammanträdesdatum 2024-01-24', '2024-01-24')).toBe(false);
    expect(isRunningText('Styrelsemöte 2024-03-12 i förbundets lokaler, Storgatan 4', '2024-03-12')).toBe(false);
  });
});
