import { describe, expect, it } from 'vitest';
import { lexicon, ROLE } from '../../src/repair/lexicon.js';

describe('lexicon', () => {
  const lex = lexicon();

  it('loads once and fast', () => {
    expect(lexicon()).toBe(lex);
    expect(lex.loadMs).toBeLessThan(300);
  });

  it('knows dictionary forms, inflections and their roles', () => {
    expect(lex.lookup('nätverket') & ROLE.WORD).toBeTruthy();
    expect(lex.lookup('förhinder') & ROLE.WORD).toBeTruthy();
    expect(lex.lookup('kommun') & ROLE.BEGIN).toBeTruthy();
    expect(lex.lookup('möte') & ROLE.END).toBeTruthy();
    expect(lex.lookup('natverket')).toBe(0);
  });

  it('marks names and knows the municipalities', () => {
    for (const place of ['höganäs', 'ängelholm', 'örkelljunga', 'åstorp', 'svalöv', 'båstad', 'ånge']) {
      expect(lex.lookup(place) & ROLE.PROPER, place).toBeTruthy();
    }
  });

  it('counts common words above their stripped look-alikes', () => {
    expect(lex.unigram('för')).toBeGreaterThan(10 * lex.unigram('for'));
    expect(lex.unigram('är')).toBeGreaterThan(10 * lex.unigram('ar'));
    expect(lex.unigram('har')).toBeGreaterThan(lex.unigram('här'));
    expect(lex.bigram('det', 'är')).toBeGreaterThan(lex.bigram('det', 'ar'));
  });
});
