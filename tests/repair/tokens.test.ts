import { describe, expect, it } from 'vitest';
import { applyCase, tokenize } from '../../src/repair/tokens.js';

// the tokenizer and the case copier have fast paths for plain words; these pin them to what the
// general rules give
describe('tokenize', () => {
  it('ok: splits at every JavaScript whitespace and keeps positions', () => {
    const line = ' a\u00a0Bb,\tc\u2003d\u202fe\ufeff  ord. ';
    const ts = tokenize(line);
    expect(ts.map((t) => t.text)).toEqual(line.match(/\S+/g));
    for (const t of ts) expect(line.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });
  it('ok: a plain word is core plus one closing mark', () => {
    expect(tokenize('Ord.')[0]).toMatchObject({ prefix: '', core: 'Ord', suffix: '.', parts: ['Ord'], protectedToken: false });
    expect(tokenize('mötet;')[0]).toMatchObject({ core: 'mötet', suffix: ';', parts: ['mötet'] });
    expect(tokenize('Élan')[0]).toMatchObject({ core: 'Élan', suffix: '', parts: ['Élan'] });
  });
  it('not ok: what is not a plain word takes the general path', () => {
    expect(tokenize('ord..')[0]).toMatchObject({ core: 'ord', suffix: '..' });
    expect(tokenize('ÅNGE')[0]).toMatchObject({ core: 'ÅNGE', parts: ['ÅNGE'] });
    expect(tokenize('iPhone')[0]!.protectedToken).toBe(true);
    expect(tokenize('(Hälso-')[0]).toMatchObject({ prefix: '(', core: 'Hälso-', parts: ['Hälso', '-', ''] });
    expect(tokenize('kommun.se')[0]!.protectedToken).toBe(true);
  });
});

describe('applyCase', () => {
  it('ok: copies the case pattern', () => {
    expect(applyCase('HOGANAS', 'höganäs')).toBe('HÖGANÄS');
    expect(applyCase('Asa', 'åsa')).toBe('Åsa');
    expect(applyCase('motet', 'mötet')).toBe('mötet');
    expect(applyCase('A', 'å')).toBe('Å');
    expect(applyCase('HaLsa', 'hälsa')).toBe('HäLsa');
    expect(applyCase('Ar', 'år')).toBe('År');
  });
  it('not ok: a small first letter keeps the word small', () => {
    expect(applyCase('aR', 'år')).toBe('år');
    expect(applyCase('x-Y', 'x-y')).toBe('x-y');
  });
});
