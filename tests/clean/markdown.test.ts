import { describe, expect, it } from 'vitest';
import { splitMarkdownLine } from '../../src/clean/markdown.js';

describe('markdown marks are layout', () => {
  it('reads heading levels and drops the marks', () => {
    expect(splitMarkdownLine('### 1. Det ekonomiska läget')).toEqual([{ text: '1. Det ekonomiska läget', heading: 3, bold: false }]);
    expect(splitMarkdownLine('### **3. Återkoppling**')).toEqual([{ text: '3. Återkoppling', heading: 3, bold: true }]);
  });
  it('splits fields a converter glued together with **', () => {
    expect(splitMarkdownLine('Hälsingerådet**SAMMANTRÄDESPROTOKOLL**Styrelsen Kommunsamverkan ek för').map((s) => s.text))
      .toEqual(['Hälsingerådet', 'SAMMANTRÄDESPROTOKOLL', 'Styrelsen Kommunsamverkan ek för']);
    expect(splitMarkdownLine('Ordförande**Justerande****Utdragsbestyrkande**').map((s) => s.text)).toEqual(['Ordförande', 'Justerande', 'Utdragsbestyrkande']);
  });
  it('keeps emphasis inside a sentence as one segment', () => {
    expect(splitMarkdownLine('Det är **viktigt** att delta.')).toEqual([{ text: 'Det är viktigt att delta.', heading: 0, bold: false }]);
  });
  it('removes backslash escapes and HTML comments', () => {
    expect(splitMarkdownLine('1\\. Punkt \\- med \\*stjärna\\*')[0]!.text).toBe('1. Punkt - med *stjärna*');
    expect(splitMarkdownLine('Text <!-- kommentar --> här')[0]!.text).toBe('Text   här');
  });
  it('leaves arithmetic and list stars alone where they do not wrap words', () => {
    expect(splitMarkdownLine('5 * 3 = 15')[0]!.text).toBe('5 * 3 = 15');
  });
});
