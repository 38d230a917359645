// OCR reads Markdown marks left in a document as other glyphs: "##" as "HH", "++", "titt"; "**" as quotes. Puts them back.

/** A leading run that OCR made of "#" marks: only these glyphs, never a word of the text. */
const HEADING_MARKS = /^(\s*)(?:[#+&*]{1,6}|H{2,4}|HE|EE|FE|tt|titt|\$44|#H|H#|\+&|&\+)\s+(?=\S)/;

/** Quote-like pairs glued between two fields or at a line's ends, where "**" stood. */
const GLUED_EMPHASIS = /(?<=\S)["”“'’+*>»«]{2,4}(?=\S)/g;
const EDGE_EMPHASIS = /^(\s*)["”“+*]{2}(?=\S)|(?<=\S)["”“'’+*]{2}\s*$/g;

/** On the whole raw line, before it is split into fields: glued quote pairs become the "**" they were. */
export function restoreOcrEmphasis(text: string): string {
  return dropSpeckCells(text)
    .replace(GLUED_EMPHASIS, '**')
    // "769602-5290+$794 Övriga frågor": native Tesseract reads the "**" before a paragraph heading as one '+'
    .replace(/(?<=\S)\+(?=[$§]\d)/g, '**')
    .replace(EDGE_EMPHASIS, (_m, pre?: string) => (pre !== undefined ? `${pre}**` : '**'))
    // "Gull-Britt.Eide": a speck read as a full stop between the parts of a name
    .replace(/\b(\p{Lu}[\p{Ll}-]+)\.(\p{Lu}\p{Ll})/gu, '$1 $2')
    // "Ledamöter = ”", "Berit Bergström (M)  »": a lone mark between spaces is a speck, not a word
    .replace(LONE_MARK, '')
    .replace(/ +(?=\t|$)/g, '');
}

/** One or two marks standing alone in a field (quotes, "=", "»", "|"): no word has them alone. */
const LONE_MARK = /(?<=^|[ \t])[=”“"'’»«|~^]{1,2}(?=[ \t]|$)[ ]?/g;

/**
 * Dust on a scan is read as stray cells at a line's ends: "Å\tElisabeth Linderöth", "Ale\tUj\tE 2". Short cells
 * without digits are dropped there (digit cells stay: they are the page numbers of a table of contents).
 */
function dropSpeckCells(text: string): string {
  const cells = text.split('\t');
  if (cells.length < 2) return text;
  const speck = (c: string) => c.trim().length <= 3 && !/^\d+$/.test(c.trim());
  while (cells.length > 1 && speck(cells[cells.length - 1]!)) cells.pop();
  while (cells.length > 1 && cells[0]!.trim().length <= 2 && !/\d/.test(cells[0]!) && /^\s*\p{Lu}/u.test(cells[1]!)) cells.shift();
  return cells.join('\t');
}

/**
 * On typewriter scans the marks come out noisier ("f44 NÄRVARANDE", "; ++ 1. Det …", "444 X3. …"): up to three
 * junk tokens (punctuation, or runs of #-like glyphs) are dropped, but only before what is plainly a heading —
 * a word in capitals or a numbered title — so ordinary text that starts with a number is left alone.
 */
const NOISY_MARKS = /^(\s*)(?:(?:[^\p{L}\d\s]+|[#+&*HXft4]{1,5}|[ft][äa])\s+){1,3}(?=\p{Lu}{2,}(?:\s|$)|["“”'X+#]{0,3}\d{1,3}[.,]\s+\p{Lu})/u;

/** On each field after the split: heading marks at its start, a lone stray quote closing a heading. */
export function restoreOcrHeading(text: string): { text: string; heading: number } {
  let heading = 0;
  let t = text.replace(HEADING_MARKS, () => {
    heading = 2;
    return '';
  });
  if (!heading) {
    t = t.replace(NOISY_MARKS, (_m, pre: string) => {
      heading = 2;
      return pre;
    });
  }
  if (/^\s*(?:§|\d+[.,)]\s)/.test(t) && /^[^"”“]*["”'’]\s*$/.test(t)) t = t.replace(/["”'’]\s*$/, '');
  return { text: t, heading };
}
