import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../src/clean/index.js';
import { restoreOcrEmphasis, restoreOcrHeading } from '../../src/clean/ocr-marks.js';

describe('Markdown marks as OCR reads them', () => {
  it('turns quote pairs glued between fields back into field separators', () => {
    expect(restoreOcrEmphasis('Hälsingerådet"”"SAMMANTRÄDESPROTOKOLL””Styrelsen ek för')).toBe('Hälsingerådet**SAMMANTRÄDESPROTOKOLL**Styrelsen ek för');
    expect(restoreOcrEmphasis('Han sa "hej" till mig')).toBe('Han sa "hej" till mig');
    // one '+' where native Tesseract read the "**" before a paragraph; a plus between numbers stays
    expect(restoreOcrEmphasis('769602-5290+$794 Övriga frågor')).toBe('769602-5290**$794 Övriga frågor');
    expect(restoreOcrEmphasis('2+3 blir 5')).toBe('2+3 blir 5');
    // A lone mark between spaces is a speck.
    expect(restoreOcrEmphasis('Beslutande\tLedamöter = ”\tLisa Andersson (M),')).toBe('Beslutande\tLedamöter\tLisa Andersson (M),');
    expect(restoreOcrEmphasis('Berit Bergström (M)\t»\tPatrik Johansson')).toBe('Berit Bergström (M)\t\tPatrik Johansson');
  });
  it('reads heading marks read as letters, and a stray quote closing a heading', () => {
    expect(restoreOcrHeading('HH NÄRVARANDE')).toEqual({ text: 'NÄRVARANDE', heading: 2 });
    expect(restoreOcrHeading('titt EJ NÄRVARANDE')).toEqual({ text: 'EJ NÄRVARANDE', heading: 2 });
    expect(restoreOcrHeading('§784 Mötets öppnande”')).toEqual({ text: '§784 Mötets öppnande', heading: 0 });
    expect(restoreOcrHeading('HE is not a mark here')).toEqual({ text: 'is not a mark here', heading: 2 });
    expect(restoreOcrHeading('Hej och välkomna')).toEqual({ text: 'Hej och välkomna', heading: 0 });
  });
  it('applies only to OCR pages', () => {
    const page = (source: 'ocr' | 'plain') => ({ number: 1, source, ocrConfidence: null, lines: [{ text: 'HH NÄRVARANDE', page: 1, line: 1, confidence: null }] });
    expect(cleanPages([page('ocr')])[0]).toMatchObject({ text: 'NÄRVARANDE', heading: 2, ocr: true });
    expect(cleanPages([page('plain')])[0]).toMatchObject({ text: 'HH NÄRVARANDE', heading: 0, ocr: false });
  });
});

describe('noisy typewriter scans', () => {
  it('drops junk before a heading, but not a number that starts ordinary text', () => {
    expect(restoreOcrHeading('f44 NÄRVARANDE')).toEqual({ text: 'NÄRVARANDE', heading: 2 });
    expect(restoreOcrHeading('; ++ 1. Det ekonomiska läget')).toEqual({ text: '1. Det ekonomiska läget', heading: 2 });
    expect(restoreOcrHeading('444 X3. Återkoppling från SKR')).toEqual({ text: 'X3. Återkoppling från SKR', heading: 2 });
    // native Tesseract reads the typewriter's "###" as "tä" where tesseract.js reads "fä"
    expect(restoreOcrHeading('tä "45. Rapport från nätverket')).toEqual({ text: '"45. Rapport från nätverket', heading: 2 });
    expect(restoreOcrHeading('4 500 kronor betalas ut')).toEqual({ text: '4 500 kronor betalas ut', heading: 0 });
  });
  it('drops dust cells at a line\'s ends and mends a name split by a speck', () => {
    expect(restoreOcrEmphasis('Maria Reinholdsson, Ale\tUj\tE 2')).toBe('Maria Reinholdsson, Ale');
    expect(restoreOcrEmphasis('Å\tElisabeth Linderöth, Lilla Edet')).toBe('Elisabeth Linderöth, Lilla Edet');
    expect(restoreOcrEmphasis('§786 Dagordning.....\t6')).toBe('§786 Dagordning.....\t6');
    expect(restoreOcrEmphasis('Gull-Britt.Eide, Lerum')).toBe('Gull-Britt Eide, Lerum');
  });
});
