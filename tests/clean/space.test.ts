import { describe, expect, it } from 'vitest';
import { normaliseSpace } from '../../src/clean/index.js';

describe('whitespace', () => {
  it('keeps tabs as column gaps and folds other runs of spaces', () => {
    expect(normaliseSpace('  Beslutande \t Anna Ek  (S) ')).toBe('Beslutande\tAnna Ek (S)');
  });
  it('reads three or more spaces between words as a column gap, as typewritten and plain-text minutes align columns', () => {
    expect(normaliseSpace('Tid och plats:     Tisdagen den 12 maj 1987')).toBe('Tid och plats:\tTisdagen den 12 maj 1987');
    expect(normaliseSpace('Karl Svensson                                  Birgitta Lund')).toBe('Karl Svensson\tBirgitta Lund');
  });
  it('leaves two spaces (after a full stop on a typewriter) as one space', () => {
    expect(normaliseSpace('beslutar att.  Vidare')).toBe('beslutar att. Vidare');
  });
});
