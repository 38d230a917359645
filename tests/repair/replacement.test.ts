import { describe, expect, it } from 'vitest';
import { restoreReplacementChars } from '../../src/repair/replacement.js';

const restore = (s: string) => restoreReplacementChars(s).text;

describe('U+FFFD where an encoding conversion destroyed å/ä/ö and §', () => {
  it('fills each word with the letters the lexicon knows', () => {
    expect(restore('M\uFFFDtet \uFFFDppnades och dagordningen godk\uFFFDndes.')).toBe('Mötet öppnades och dagordningen godkändes.');
    expect(restore('SAMMANTR\uFFFDDESPROTOKOLL')).toBe('SAMMANTRÄDESPROTOKOLL');
    expect(restore('Fr\uFFFDn m\uFFFDtet p\uFFFD fredag')).toBe('Från mötet på fredag');
  });
  it('reads a mark before a number as §, and capitals where a sentence or a title begins', () => {
    expect(restore('\uFFFD 4 \uFFFDvriga fr\uFFFDgor')).toBe('§ 4 Övriga frågor');
    expect(restore('Paragrafer \uFFFD\uFFFD 12-15')).toBe('Paragrafer §§ 12-15');
  });
  it('keeps the line\'s length, so later repairs point at the right tokens', () => {
    const line = 'Beslut: n\uFFFDmnden \uFFFDr enig.';
    expect(restore(line)).toHaveLength(line.length);
  });
});
