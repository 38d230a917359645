import { describe, expect, it } from 'vitest';
import { restoreEmphasisMarks, restoreHeadingMark } from '../../src/ocr/marks.js';
import type { OcrWord } from '../../src/ocr/page.js';

/** A word with glyphs 20 px high, `width` px wide (a '#' is about 14.5 px at that size). */
const word = (text: string, confidence: number, width = 60): OcrWord => ({ text, confidence, bbox: { x0: 100, y0: 80, x1: 100 + width, y1: 100 } });

describe('Markdown marks the Swedish model misreads', () => {
  it('ok: a low-confidence heading mark becomes as many # as fit its width', () => {
    const cases: Array<[string, number, string]> = [['+&', 29, '##'], ['HH', 45, '###'], ['tHtHt', 44, '###'], ['fit', 44, '###'], ['HH', 60, '####'], ['+', 30, '##']];
    for (const [text, width, want] of cases) {
      const words = [word(text, 40, width), word('Anteckningar', 96)];
      restoreHeadingMark(words);
      expect(words[0]!.text, text).toBe(want);
    }
  });

  it('not ok: confident words, section signs, digits and lone words stay', () => {
    for (const words of [[word('HH', 90), word('AB', 95)], [word('$$', 40, 27), word('784-796', 90)], [word('8790', 28), word('Bevakning', 90)], [word('HH', 30)]]) {
      const before = words.map((w) => w.text);
      restoreHeadingMark(words);
      expect(words.map((w) => w.text)).toEqual(before);
    }
  });

  it('ok: quote and plus runs glued to words become **', () => {
    const w = word('Hälsingerådet”"SAMMANTRÄDESPROTOKOLL””Styrelsen', 29, 780);
    restoreEmphasisMarks(w);
    expect(w.text).toBe('Hälsingerådet**SAMMANTRÄDESPROTOKOLL**Styrelsen');
    const x = word('769602-5290"+Tid', 63, 230);
    restoreEmphasisMarks(x);
    expect(x.text).toBe('769602-5290**Tid');
  });

  it('not ok: ordinary quotes and confident words stay', () => {
    const quoted = word('"satsningar"', 60);
    restoreEmphasisMarks(quoted);
    expect(quoted.text).toBe('"satsningar"');
    const sure = word('a""b', 95);
    restoreEmphasisMarks(sure);
    expect(sure.text).toBe('a""b');
  });
});
