import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../src/clean/index.js';
import { restoreSectionSigns } from '../../src/clean/section-sign.js';

describe('section signs read as dollars by OCR', () => {
  it('restores them before numbers', () => {
    expect(restoreSectionSigns('$784 Mötets öppnande')).toBe('§784 Mötets öppnande');
    expect(restoreSectionSigns('$ 12 Budget')).toBe('§12 Budget');
    expect(restoreSectionSigns('$$ 784-796')).toBe('§§ 784-796');
    expect(restoreSectionSigns('beslut vid dagens möte ($790)')).toBe('beslut vid dagens möte (§790)');
  });
  it('leaves other dollars alone', () => {
    expect(restoreSectionSigns('US$ 100')).toBe('US$ 100');
    expect(restoreSectionSigns('kostar $x')).toBe('kostar $x');
  });
  it('applies only to OCR pages, not to text layers where a dollar is a dollar', () => {
    const page = (source: 'ocr' | 'layer') => ({ number: 1, source, ocrConfidence: null, lines: [{ text: '$ 5 per månad', page: 1, line: 1, confidence: null }] });
    expect(cleanPages([page('ocr')])[0]!.text).toBe('§5 per månad');
    expect(cleanPages([page('layer')])[0]!.text).toBe('$ 5 per månad');
  });
});

describe('section signs inside OCR’d fields', () => {
  it('reads "$8784", "88 784-796" and "8794" in sequence', () => {
    expect(restoreSectionSigns('$8784 Mötets öppnande')).toBe('§784 Mötets öppnande');
    expect(restoreSectionSigns('88 784-796')).toBe('§§ 784-796');
  });
});
