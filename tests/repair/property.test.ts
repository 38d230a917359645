// What must hold on any input: lines and tokens stay in place, and a correct dictionary word that
// has no rival spelling without å/ä/ö is never changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/repair/candidates.js';
import { repairLines } from '../../src/repair/index.js';
import { lexicon } from '../../src/repair/lexicon.js';

const lex = lexicon();
const fold = (w: string): string => w.replace(/[åä]/g, 'a').replace(/ö/g, 'o');

// common words of minutes; the test keeps those outside the ambiguity set (no other valid
// spelling folds to the same letters), which repair must leave as they are
const POOL = `kommunen styrelsen beslutar protokoll justering ordförande sekreterare närvarande ärendet
  beslut förslag budget ekonomi verksamhet mötet sammanträde information rapport utskottet nämnden
  fullmäktige yttrande remiss uppdrag handläggare förvaltningen planering samverkan nätverket möjligheter
  utmaningar välfärden tillväxt utveckling digitalisering medborgare invånare region länsstyrelsen
  och att det som en på av med till den inte om ett men vi kan ska också efter eller vid mot
  alla andra mycket sedan över bara upp även vad två vill mer bli`.split(/\s+/).filter(Boolean);
const SAFE = POOL.filter((w) => {
  const variants = generate(lex, fold(w), false).filter((c) => c.parts === 1 || c.form === w).map((c) => c.form);
  return variants.length === 1 && variants[0] === w;
});

const word = fc.constantFrom(...SAFE);
const other = fc.constantFrom('2025', '08.30-12:00', 'https://example.se/a', 'a.b@c.se', '§', '–', '(se', 'bilaga)', 'KS/2024');
const token = fc.oneof({ weight: 4, arbitrary: word.map((w) => w) }, { weight: 1, arbitrary: word.map((w) => w[0]!.toUpperCase() + w.slice(1)) }, { weight: 1, arbitrary: other });
const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
const line = fc.array(fc.tuple(token, space), { maxLength: 12 }).chain((ts) =>
  fc.constantFrom('', ' ').map((lead) => lead + ts.map(([t, s]) => t + s).join('').trimEnd() + (ts.length ? '.' : '')));
const doc = fc.array(line, { minLength: 1, maxLength: 8 });

describe('repair properties', () => {
  it('uses a real set of unambiguous words', () => {
    expect(SAFE.length).toBeGreaterThan(30);
  });

  it('keeps line count, token count, token positions and whitespace', () => {
    fc.assert(fc.property(doc, fc.constantFrom('auto', 'conservative', 'aggressive') as fc.Arbitrary<'auto' | 'conservative' | 'aggressive'>, (lines, mode) => {
      const r = repairLines(lines.map((text, i) => ({ text, page: 1, line: i + 1 })), { mode });
      expect(r.lines.length).toBe(lines.length);
      r.lines.forEach((out, i) => {
        const inp = lines[i]!;
        expect(out.split(/\S+/)).toEqual(inp.split(/\S+/)); // the same whitespace in the same places
        expect(out.split(/\s+/).filter(Boolean).length).toBe(inp.split(/\s+/).filter(Boolean).length);
      });
    }), { numRuns: 150 });
  });

  it('never changes a correct word outside the ambiguity set', () => {
    fc.assert(fc.property(doc, (lines) => {
      const r = repairLines(lines.map((text, i) => ({ text, page: 1, line: i + 1 })), { mode: 'aggressive' });
      expect(r.lines).toEqual(lines);
      expect(r.changes).toEqual([]);
    }), { numRuns: 150 });
  });

  it('keeps line and token counts on arbitrary text', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }), (lines) => {
      const r = repairLines(lines.map((text, i) => ({ text, page: 1, line: i + 1 })));
      expect(r.lines.length).toBe(lines.length);
      r.lines.forEach((out, i) => expect(out.split(/\S+/)).toEqual(lines[i]!.split(/\S+/)));
    }), { numRuns: 200 });
  });
});
