// The OCR confusion model: tiers from counted data, and the shipped data's own figures.
import { describe, expect, it } from 'vitest';
import { confusionModel, ocrConfusions, STRONG_P, WEAK_P } from '../../src/repair/confusions.js';

describe('confusion model from counts', () => {
  it('makes a glyph that mostly stands for a lost letter strong for every letter seen, a usual letter weak, and drops the rare and the lost diacritics', () => {
    const m = confusionModel({
      substitutions: {
        'é': { ö: { count: 40, p: 0.6 }, ä: { count: 2, p: 0.002 } },
        '6': { ö: { count: 9, p: 0.45 } },
        d: { ö: { count: 5, p: 0.01 } },
        k: { ä: { count: 2, p: WEAK_P / 2 } },
        a: { ä: { count: 300, p: 0.05 }, å: { count: 90, p: 0.02 } },
        A: { ä: { count: 3, p: 0.03 } },
        oé: { ö: { count: 4, p: 0.8 } },
        da: { ä: { count: 18, p: 0.009 } },
        ia: { ä: { count: 16, p: 0.04 } },
        ti: { ä: { count: 9, p: 0.01 } },
      },
    });
    expect(m.strong1).toEqual({ 'é': ['ö', 'ä'], 6: ['ö'] });
    expect(m.strong2).toEqual({ oé: ['ö'] });
    expect(m.weak1).toEqual({ d: ['ö'] });
    // a weak glyph beside an a may have been either mark; a pair without the base letter keeps what it was seen for
    expect(m.weak2).toEqual({ da: ['ä', 'å'], ia: ['ä', 'å'], ti: ['ä'] });
    expect(STRONG_P).toBeGreaterThan(WEAK_P);
  });

  it('ships a model that knows the glyphs old OCR makes of å/ä/ö', () => {
    const m = ocrConfusions();
    expect(m.strong1['é']).toContain('ö');
    expect(Object.keys(m.strong1).length + Object.keys(m.weak1).length).toBeGreaterThan(3);
  });
});
