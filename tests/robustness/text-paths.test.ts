// The text steps rewritten to run in linear time keep their results: hyphen joins, entries after names, trimmed lines.
import { describe, expect, it } from 'vitest';
import { splitMarkdownLine } from '../../src/clean/markdown.js';
import { splitEntries } from '../../src/segment/entries.js';
import { joinLines } from '../../src/segment/text.js';

const lines = (...texts: string[]) => texts.map((text) => ({ text }));

describe('joining lines into running text', () => {
  it('ok: a word broken at the line end is one word, and tabs are spaces', () => {
    expect(joinLines(lines('Nämnden beslutar om verksam-', 'heten\tför 2024.'))).toBe('Nämnden beslutar om verksamheten för 2024.');
    expect(joinLines(lines('', '  ', 'Ett', 'två-', 'tre-', 'fyra'))).toBe('Ett tvåtrefyra');
  });
  it('not ok: a suspended compound keeps its hyphen, and a capital after it is a new word', () => {
    expect(joinLines(lines('test-', 'och provverksamhet'))).toBe('test- och provverksamhet');
    expect(joinLines(lines('Kultur-', 'Fritid'))).toBe('Kultur- Fritid');
  });
});

describe('entries after names in one long line', () => {
  it('ok: names in parentheses start entries, and a name after "för" does not', () => {
    expect(splitEntries('Anna Ek (S), Per Lund (M) för Eva Ro (M), Karl Berg (C)')).toEqual(['Anna Ek (S)', 'Per Lund (M) för Eva Ro (M)', 'Karl Berg (C)']);
  });
  it('not ok: a name inside parentheses starts nothing', () => {
    expect(splitEntries('Anna Ek (S) (ersättare för Eva Ro (M)) Karl Berg (C)')).toEqual(['Anna Ek (S) (ersättare för Eva Ro (M))', 'Karl Berg (C)']);
  });
});

describe('Markdown lines', () => {
  it('keep their indentation and lose trailing space, however long', () => {
    expect(splitMarkdownLine(`${' '.repeat(4000)}- punkt${' '.repeat(3000)}`)[0]!.text).toBe(`${' '.repeat(4000)}- punkt`);
  });
});
