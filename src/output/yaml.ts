// YAML through the `yaml` package, loaded on first use: most runs write JSON and should not pay for it at start-up.
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let yaml: YamlModule | null = null;

function load(): YamlModule {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yaml;
}

export function toYaml(value: unknown): string {
  // No anchors/aliases: consumers in other languages read plain YAML most reliably.
  return load().stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}

export function parseYaml(text: string): unknown {
  return load().parse(text);
}
