// YAML through the `yaml` package, loaded on first use: most runs write JSON and should not pay for it at start-up.
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let yaml: YamlModule | null = null;
let typedLooking: RegExp[] | null = null;

function load(): YamlModule {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yaml;
}

/**
 * Plain scalars that a YAML 1.2 (core schema) reader resolves to something other than a string. Written with
 * the YAML 1.1 schema, the `yaml` package already quotes what 1.1 readers (PyYAML, Ruby, SnakeYAML) would take
 * for a number, time (`15:00` = 900), date or boolean (`yes`, `on`); this adds what only 1.2 reads as typed
 * (`0o14`), and the 1.1 merge and value keys (`<<`, `=`) that PyYAML refuses as values.
 */
function typedPatterns(y: YamlModule): RegExp[] {
  if (typedLooking) return typedLooking;
  const core = new y.Document(null, { version: '1.2' }).schema.tags;
  typedLooking = [
    ...core.flatMap((t) => ('test' in t && t.test instanceof RegExp && t.tag !== 'tag:yaml.org,2002:str' ? [t.test] : [])),
    /^(?:<<|=)$/,
  ];
  return typedLooking;
}

/**
 * YAML that every common reader loads as the JSON would: strings that look like numbers, times, dates or
 * booleans under YAML 1.1 or 1.2 are quoted. No anchors/aliases: readers in other languages handle plain YAML best.
 */
export function toYaml(value: unknown): string {
  const y = load();
  const doc = new y.Document(value, { version: '1.1', aliasDuplicateObjects: false });
  const patterns = typedPatterns(y);
  y.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !patterns.some((p) => p.test(node.value as string))) return;
      node.type = 'QUOTE_DOUBLE';
      // The stringifier writes `<<` bare whatever the quoting asked for; an explicit tag keeps it a string.
      if (node.value === '<<') node.tag = 'tag:yaml.org,2002:str';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

export function parseYaml(text: string): unknown {
  return load().parse(text);
}
