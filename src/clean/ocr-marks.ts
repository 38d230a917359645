// OCR reads Markdown marks left in a document as other glyphs: "##" as "HH", "++", "titt"; "**" as quotes. Puts them back.

/** A leading run that OCR made of "#" marks: only these glyphs, never a word of the text. */
const HEADING_MARKS = /^(\s*)(?:[#+&*]{1,6}|H{2,4}|HE|EE|FE|tt|titt|\$44|#H|H#|\+&|&\+)\s+(?=\S)/;

/** Quote-like pairs glued between two fields or at a line's ends, where "**" stood. */
const GLUED_EMPHASIS = /(?<=\S)["”“'’+*]{2,4}(?=\S)/g;
const EDGE_EMPHASIS = /^(\s*)["”“+*]{2}(?=\S)|(?<=\S)["”“'’+*]{2}\s*$/g;

/** On the whole raw line, before it is split into fields: glued quote pairs become the "**" they were. */
export function restoreOcrEmphasis(text: string): string {
  return text.replace(GLUED_EMPHASIS, '**').replace(EDGE_EMPHASIS, (_m, pre?: string) => (pre !== undefined ? `${pre}**` : '**'));
}

/** On each field after the split: heading marks at its start, a lone stray quote closing a heading. */
export function restoreOcrHeading(text: string): { text: string; heading: number } {
  let heading = 0;
  let t = text.replace(HEADING_MARKS, () => {
    heading = 2;
    return '';
  });
  if (/^\s*(?:§|\d+[.,)]\s)/.test(t) && /^[^"”“]*["”'’]\s*$/.test(t)) t = t.replace(/["”'’]\s*$/, '');
  return { text: t, heading };
}
