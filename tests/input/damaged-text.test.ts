// Text damaged before it reached us: UTF-8 read as Windows-1252 and saved again, and OCR output saved as plain text.
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { repairMojibake } from '../../src/input/mojibake.js';
import { looksOcrText } from '../../src/input/ocr-text.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('double-encoded text', () => {
  it('decodes "Ã¤", "Â§" and "â€“" back where they plainly are a double encoding', () => {
    expect(repairMojibake('NÃ¤rvarande ledamÃ¶ter\nÂ§ 4 Ã…rsredovisning, kl. 13.30â€“15.00').text).toBe('Närvarande ledamöter\n§ 4 Årsredovisning, kl. 13.30–15.00');
  });
  it('leaves correct text alone, also where a sequence like it stands by chance', () => {
    expect(repairMojibake('Närvarande: Åsa Öberg, Ärlig Ölund, Ã¤ndå').repaired).toBe(0);
  });
  it('converts such a copy with a warning', async () => {
    const doc = await convert(bytes('PROTOKOLL\nNÃ¤rvarande: Eva StrÃ¶m (S), PÃ¤r Ã…kesson (M)\n\nÂ§ 1 MÃ¶tets Ã¶ppnande\nText.\n\nÂ§ 2 Ã–vriga frÃ¥gor\nText.'), { fileName: 'x.txt' });
    expect(doc.attendees.map((a) => a.name)).toEqual(['Eva Ström', 'Pär Åkesson']);
    expect(doc.items.map((i) => [i.paragraph, i.title])).toEqual([[1, 'Mötets öppnande'], [2, 'Övriga frågor']]);
    expect(doc.warnings.map((w) => w.code)).toContain('input-mojibake');
  });
});

describe('OCR output saved as text', () => {
  it('is told by paragraph signs read as 8, S or $ in rising order, in a text without a §', () => {
    expect(looksOcrText('KS 81\nÖppnande\n\nKS S 2\nVal\n\nKS $ 3\nBudget')).toBe(true);
    expect(looksOcrText('§ 1 Öppnande\nKS 81 hus')).toBe(false);
    expect(looksOcrText('Budget 2024 ökade med 8 procent.\nS 12 är en väg.')).toBe(false);
  });
  it('reads its headings with the OCR repairs, the first one included', async () => {
    const doc = await convert(bytes('BN 81\tDnr 2001:4\n\nBygglov för garage\n\nBeslut\nNämnden beviljar bygglov.\n\nBN S 2\tDnr 2001:7\n\nTillsyn\n\nBeslut\nNämnden noterar informationen.\n\nBN 83\n\nMeddelanden\n\nBeslut\nNämnden lägger meddelandena till handlingarna.'), { fileName: 'x.txt' });
    expect(doc.items.map((i) => [i.paragraph, i.title])).toEqual([[1, 'Bygglov för garage'], [2, 'Tillsyn'], [3, 'Meddelanden']]);
    expect(doc.warnings.map((w) => w.code)).toContain('input-ocr-text');
  });
});
