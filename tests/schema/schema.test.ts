import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../src/schema/json-schema.js';
import { validateMinutes } from '../../src/schema/validate.js';
import { convert } from '../../src/convert.js';
import { checkAgainstJsonSchema } from './json-schema-check.js';

describe('schema', () => {
  it('is a JSON Schema that every fixture output satisfies', async () => {
    const schema = jsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const doc = await convert(new URL('../../fixtures/text-halsingeradet-2024-01-24/input.txt', import.meta.url));
    expect(checkAgainstJsonSchema(schema, JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });
  it('rejects a broken document with the path to the problem', async () => {
    const doc = JSON.parse(JSON.stringify(await convert(new URL('../../fixtures/text-gr-kommunchefer/input.txt', import.meta.url))));
    doc.items[2].decisions = [{ text: 42 }];
    doc.document.date = '24 januari';
    const r = validateMinutes(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.document.date', '$.items[2].decisions[0].text']));
    }
    expect(checkAgainstJsonSchema(jsonSchema(), doc).length).toBeGreaterThan(0);
  });
});
