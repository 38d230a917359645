// Serialises a document as JSON, YAML or one NDJSON line; the format decides the file extension.
import { stringify as toYaml } from 'yaml';

export type OutputFormat = 'json' | 'yaml' | 'ndjson';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'ndjson'];

export function serialize(value: unknown, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(value, null, 2) + '\n';
    case 'ndjson':
      return JSON.stringify(value) + '\n';
    case 'yaml':
      // No anchors/aliases: consumers in other languages read plain YAML most reliably.
      return toYaml(value, { aliasDuplicateObjects: false, lineWidth: 0 });
  }
}

export function extensionFor(format: OutputFormat): string {
  return format === 'yaml' ? '.yaml' : '.json';
}
