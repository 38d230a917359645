// Reads Markdown-ish marks left by PDF-to-text converters as layout: headings, emphasis, escapes, glued fields.

export interface MarkedSegment {
  text: string;
  heading: number;
  bold: boolean;
}

const HEADING = /^\s{0,3}(#{1,6})\s*(?=\S)/;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Splits one raw line into content segments. `**` glued between two words separates fields that a
 * converter ran together ("Hälsingerådet**SAMMANTRÄDESPROTOKOLL**Styrelsen …"), so each becomes its
 * own segment; `**` that wraps a whole segment marks it bold. Escapes lose their backslash.
 */
export function splitMarkdownLine(raw: string): MarkedSegment[] {
  // trimEnd, not /\s+$/: that regex tries every space of a long run in turn (a list indented 2,000 levels took minutes).
  let text = raw.replace(HTML_COMMENT, ' ').trimEnd();
  let heading = 0;
  const h = HEADING.exec(text);
  if (h) {
    heading = h[1]!.length;
    text = text.slice(h[0].length);
  }
  // Escaped marks are content: park them in private-use characters while emphasis is stripped.
  text = text.replace(ESCAPE, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  const pieces = text.split(/(?<=\S)\*\*(?=\S)/);
  const segments: MarkedSegment[] = [];
  for (const piece of pieces) {
    const stripped = stripEmphasis(piece);
    if (stripped.text.trim() === '' && pieces.length > 1) continue;
    segments.push({ text: unescape(stripped.text), heading, bold: stripped.bold });
  }
  if (segments.length === 0) segments.push({ text: '', heading, bold: false });
  return segments;
}

function stripEmphasis(s: string): { text: string; bold: boolean } {
  const trimmed = s.trim();
  const bold = /^\*\*[^*].*\*\*$|^\*\*[^*]+$|^[^*]+\*\*$/.test(trimmed) && trimmed.length > 4;
  // Emphasis marks are layout; drop `**`, and single `*`/`_` only where they wrap words (not "5 * 3").
  const text = s
    .replace(/\*\*/g, '')
    .replace(/(^|\s)[*_](?=\S)/g, '$1')
    .replace(/(?<=\S)[*_](?=\s|$|[.,;:!?])/g, '');
  return { text, bold };
}

function unescape(s: string): string {
  return s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}
