import { describe, expect, it } from 'vitest';
import { generate, headRepair } from '../../src/repair/candidates.js';
import { lexicon } from '../../src/repair/lexicon.js';

const lex = lexicon();
const forms = (w: string, weak = false): string[] => generate(lex, w, weak).map((c) => c.form).sort();

describe('candidates: lost diacritics', () => {
  it('ok: offers every valid variant', () => {
    expect(forms('for')).toEqual(['for', 'för']);
    expect(forms('ar')).toEqual(expect.arrayContaining(['ar', 'är', 'år']));
    expect(forms('fran')).toContain('från');
  });
  it('not ok: offers nothing that is not a word', () => {
    expect(forms('fran')).not.toContain('fran');
    expect(forms('xyzzy')).toEqual([]);
  });
});

describe('candidates: compounds', () => {
  it('ok: rebuilds compounds from compound parts', () => {
    expect(forms('kommundirektorsmote')).toContain('kommundirektörsmöte');
    expect(forms('tillganglighetsnatverket')).toContain('tillgänglighetsnätverket');
  });
  it('ok: repairs the head of a compound with an unknown first part', () => {
    expect(headRepair(lex, 'destionationsnatverket').map((c) => c.form)).toContain('destionationsnätverket');
  });
  it('not ok: leaves a head that is fine as written', () => {
    expect(headRepair(lex, 'destionationsverket')).toEqual([]);
  });
});

describe('candidates: OCR glyphs', () => {
  it('ok: é, 6 and oé stand for ä/ö (strong)', () => {
    expect(forms('férhinder')).toContain('förhinder');
    expect(forms('6ppnande')).toContain('öppnande');
    expect(forms('moétet')).toContain('mötet');
    expect(forms('hé6ganas')).toContain('höganäs');
  });
  it('ok: d, i, a stand for å/ä/ö only as a last resort (weak)', () => {
    expect(forms('ansdkan')).toEqual([]);
    expect(forms('ansdkan', true)).toContain('ansökan');
    expect(forms('digitaliseringsnitverk', true)).toContain('digitaliseringsnätverk');
  });
  it('not ok: a real é word keeps its é', () => {
    expect(forms('idé')).toContain('idé');
  });
});
