import { describe, expect, it } from 'vitest';
import { lexicon } from '../../src/repair/lexicon.js';
import { looseSplit } from '../../src/repair/split.js';

const lex = lexicon();
const forms = (w: string): string[] => looseSplit(lex, w).map((c) => c.form);

describe('loose compound split', () => {
  it('ok: a compound whose head lacks the compound-end flag', () => {
    expect(forms('regionradet')).toContain('regionrådet');
    expect(forms('halsingeradet')).toContain('hälsingerådet');
  });
  it('not ok: a rare head is not taken for a compound part', () => {
    expect(forms('geografierna')).toEqual([]);
  });
  it('not ok: a split that needs no å/ä/ö is not offered', () => {
    expect(forms('regionstyrelsen')).toEqual([]);
  });
});
