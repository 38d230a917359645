// Renders a document's cleaned, repaired text: plain (`--format text`) or Markdown with a heading per item (`--format markdown`).
import type { Line } from '../document.js';
import type { Minutes } from '../schema/minutes.js';
import { toYaml } from './yaml.js';

const key = (page: number, line: number): string => `${page}:${line}`;

/**
 * Plain text: the content lines (page furniture left out) with a blank line where the page had a gap and a
 * form feed between pages, so the text is what the segmenter read.
 */
export function toPlainText(lines: readonly Line[]): string {
  let out = '';
  let page = lines[0]?.page ?? 1;
  for (const [i, l] of lines.filter((x) => !x.furniture).entries()) {
    if (l.page !== page) {
      out += '\f\n';
      page = l.page;
    } else if (i > 0 && l.gapBefore) out += '\n';
    out += l.text + '\n';
  }
  return out;
}

/**
 * Markdown: front matter naming the source (so reruns can skip it, as with JSON), the title as `#`, each
 * item's heading line as `## § N Title`, and the other content lines as paragraphs.
 */
export function toMarkdown(doc: Minutes, lines: readonly Line[]): string {
  const items = new Map<string, Minutes['items'][number]>();
  for (const item of doc.items) if (item.source) items.set(key(item.source.page, item.source.line), item);
  const front = toYaml({
    schemaVersion: doc.schemaVersion,
    source: { file: doc.source.file, sha256: doc.source.sha256, format: doc.source.format },
    title: doc.document.title,
    organization: doc.document.organization,
    date: doc.document.date,
    warnings: doc.warnings.map((w) => w.code),
  });
  let out = `---\n${front}---\n\n`;
  if (doc.document.title) out += `# ${doc.document.title}\n\n`;
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out += para.join('\n') + '\n\n';
    para = [];
  };
  const seenItems = new Set<string>();
  for (const l of lines) {
    if (l.furniture) continue;
    const k = key(l.page, l.line);
    const item = items.get(k);
    if (item) {
      if (seenItems.has(k)) continue; // a heading split into several cleaned lines is written once
      seenItems.add(k);
      flush();
      const label = item.paragraph !== null ? `§ ${item.paragraph}${item.title ? ' ' : ''}` : item.number ? `${item.number} ` : '';
      out += `## ${label}${item.title ?? ''}`.trimEnd() + '\n\n';
      continue;
    }
    if (doc.document.title && l.text === doc.document.title && out.endsWith(`# ${doc.document.title}\n\n`) && para.length === 0) continue;
    if (l.gapBefore) flush();
    para.push(escapeMarkdown(l.text));
  }
  flush();
  return out.replace(/\n+$/, '\n');
}

/** A line that would read as Markdown syntax (a heading, a list, a rule) is escaped, so it stays text. */
function escapeMarkdown(text: string): string {
  return text.replace(/^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|={3,}|-{3,}|_{3,})/, '\\$1');
}
