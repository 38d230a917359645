import { describe, expect, it } from 'vitest';
import { lexicon } from '../../src/repair/lexicon.js';
import { nameGuesses } from '../../src/repair/names.js';
import { fix } from './helpers.js';

const lex = lexicon();
const forms = (w: string): string[] => nameGuesses(lex, w).map((c) => c.form);

describe('surname elements', () => {
  it('ok: elements that only exist with å/ä/ö', () => {
    expect(forms('lindstrom')).toContain('lindström');
    expect(forms('bjorklund')).toContain('björklund');
    expect(forms('sjostrom')).toContain('sjöström');
  });
  it('not ok: names that need no diacritic, or end like one by chance', () => {
    expect(forms('lindgren')).toEqual([]);
    expect(forms('edgard')).toEqual([]);
    expect(forms('hogan')).toEqual([]);
  });
  it('ok: a guessed surname is used in damaged text only', () => {
    expect(fix('Motet leddes av Kerstin Akerdahl fran kommunen.', { mode: 'aggressive' })).toBe('Mötet leddes av Kerstin Åkerdahl från kommunen.');
    expect(fix('Motet leddes av Kerstin Akerdahl.', { mode: 'conservative' })).toContain('Akerdahl');
  });
});
