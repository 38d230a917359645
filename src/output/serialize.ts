// Serialises a document as JSON, YAML or one NDJSON line; the format decides the file extension.
import { toYaml } from './yaml.js';

export type OutputFormat = 'json' | 'yaml' | 'ndjson';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'ndjson'];

export function serialize(value: unknown, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(value, null, 2) + '\n';
    case 'ndjson':
      return JSON.stringify(value) + '\n';
    case 'yaml':
      return toYaml(value);
  }
}

export function extensionFor(format: OutputFormat): string {
  return format === 'yaml' ? '.yaml' : '.json';
}
