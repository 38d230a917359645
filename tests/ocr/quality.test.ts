import { describe, expect, it } from 'vitest';
import { isPlausibleLayer, textQuality } from '../../src/ocr/quality.js';

const good = `Protokoll fört vid sammanträde med styrelsen den 24 januari 2024.
Ordföranden hälsade alla välkomna och förklarade mötet öppnat. Till justerare valdes Pernilla Färlin.
Styrelsen beslutar att godkänna dagordningen och att lägga rapporten till handlingarna.`;
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

describe('text layer quality', () => {
  it('ok: ordinary Swedish is a plausible layer', () => {
    expect(isPlausibleLayer(textQuality(good))).toBe(true);
  });
  it('ok: a short stamp or page number is judged by its words', () => {
    expect(isPlausibleLayer(textQuality('Sida 2 av 7'))).toBe(true);
  });
  it('not ok: a layer that lost its diacritics', () => {
    expect(isPlausibleLayer(textQuality(strip(good)))).toBe(false);
    expect(textQuality(good).score).toBeGreaterThan(textQuality(strip(good)).score);
  });
  it('not ok: OCR garbage', () => {
    const junk = 'SE ESS NNE Su ö AN 0 = Gunnel | SFL SN ad RE $$4$ f44 t4 SR ASSA RANE SUN ES gas (SERA (SIDAS ER SARA SN AES AS AER GE Sr';
    expect(isPlausibleLayer(textQuality(junk))).toBe(false);
  });
  it('not ok: no words at all', () => {
    expect(isPlausibleLayer(textQuality(' 3 . : ; '))).toBe(false);
  });
});
