// Issue 13 point 2: YAML output reads the same as the JSON in YAML 1.1 readers (PyYAML, Ruby) as in YAML 1.2 ones.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { serialize } from '../../src/output/serialize.js';

const repo = path.resolve(import.meta.dirname, '../..');
const tricky = {
  endTime: '15:00', date: '2024-01-24', time3: '1:20:30', yes: 'yes', on: 'On', n: 'n', y: 'Y', octal12: '0o14', octal11: '012',
  hex: '0x1F', bin: '0b101', underscore: '1_000', exp: '1e3', inf: '.inf', nan: '.NaN', tilde: '~', nullWord: 'Null', empty: '',
  value: '=', merge: '<<', colon: 'a: b', list: ['1', '2.5', 'no', 'off'], real: { n: 3, t: true, z: null },
};

/** JSON round trip: what the document is, as a consumer of the JSON sees it. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function loaders(text: string): Record<string, unknown> {
  return {
    'js-yaml 3 (YAML 1.1)': jsYaml.load(text),
    'yaml, version 1.1': parse(text, { version: '1.1' }),
    'yaml, version 1.2': parse(text),
  };
}

describe('YAML output', () => {
  it('quotes strings that YAML 1.1 or 1.2 readers would take for numbers, times, dates or booleans', () => {
    const text = serialize(tricky, 'yaml');
    expect(text).toContain('endTime: "15:00"');
    expect(text).toContain('date: "2024-01-24"');
    for (const [name, loaded] of Object.entries(loaders(text))) expect(loaded, name).toEqual(asJson(tricky));
  });

  it('a converted document loads in a YAML 1.1 reader exactly as its JSON does', async () => {
    const doc = await convert(path.join(repo, 'fixtures/text-halsingeradet-2024-01-24/input.txt'));
    expect(doc.document.endTime).toBe('15:00');
    const text = serialize(doc, 'yaml');
    for (const [name, loaded] of Object.entries(loaders(text))) expect(loaded, name).toEqual(asJson(doc));
  });

  const python = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('PyYAML reads it as the JSON (skipped where python3 has no PyYAML)', () => {
    const text = serialize(tricky, 'yaml');
    const r = spawnSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'], { input: text, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(asJson(tricky));
  });
});
