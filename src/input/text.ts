// Reads plain text (and Markdown left by PDF-to-text converters) into pages of lines.
import type { RawPage } from '../document.js';

// `<!-- sida 3 -->`, `<!-- page 3 -->`, `<!-- Page 3 of 7 -->`: page markers that converters leave in Markdown.
const PAGE_MARKER = /^\s*<!--\s*(?:sida|page|sidan)\s+(\d+)(?:\s+(?:av|of)\s+\d+)?\s*-->\s*$/i;

/**
 * Splits text into pages at form feeds and HTML-comment page markers. Lines keep their
 * numbering within the page so that provenance points at what a person sees in an editor.
 */
export function textToPages(text: string): RawPage[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const pages: RawPage[] = [];
  let current: RawPage = { number: 1, lines: [], source: 'plain', ocrConfidence: null };
  const startPage = (n: number) => {
    if (current.lines.length > 0 || pages.length > 0) pages.push(current);
    current = { number: n, lines: [], source: 'plain', ocrConfidence: null };
  };
  for (const raw of lines) {
    const marker = PAGE_MARKER.exec(raw);
    if (marker) {
      // A marker before any text names the first page; later ones start a new page.
      if (current.lines.every((l) => l.text.trim() === '') && pages.length === 0) current.lines = [];
      else startPage(current.number + 1);
      continue;
    }
    const parts = raw.split('\f');
    parts.forEach((part, i) => {
      if (i > 0) startPage(current.number + 1);
      current.lines.push({ text: part, page: current.number, line: current.lines.length + 1, confidence: null });
    });
  }
  pages.push(current);
  return pages;
}
