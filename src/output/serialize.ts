// Serialises a document as JSON, YAML, one NDJSON line, or its cleaned text (plain or Markdown); the format decides the file extension.
import type { Line } from '../document.js';
import type { Minutes } from '../schema/minutes.js';
import { toMarkdown, toPlainText } from './text.js';
import { toYaml } from './yaml.js';

export type OutputFormat = 'json' | 'yaml' | 'ndjson' | 'text' | 'markdown';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'ndjson', 'text', 'markdown'];

/** `text` and `markdown` render the lines the document was segmented from, so they need them. */
export function serialize(value: unknown, format: OutputFormat, lines?: readonly Line[]): string {
  switch (format) {
    case 'json':
      return JSON.stringify(value, null, 2) + '\n';
    case 'ndjson':
      return JSON.stringify(value) + '\n';
    case 'yaml':
      return toYaml(value);
    case 'text':
      return toPlainText(lines ?? []);
    case 'markdown':
      return toMarkdown(value as Minutes, lines ?? []);
  }
}

export function extensionFor(format: OutputFormat): string {
  return { json: '.json', ndjson: '.json', yaml: '.yaml', text: '.txt', markdown: '.md' }[format];
}
