// The shipped schema/minutes.v1.json must equal what `protokoll schema` prints (regenerate: npm run build && node scripts/write-schema.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { jsonSchema } from '../../src/schema/json-schema.js';
import { fakeIo } from './fake-io.js';

const file = path.resolve(import.meta.dirname, '../../schema/minutes.v1.json');

it('the committed schema file equals jsonSchema()', () => {
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(jsonSchema());
});

it('the committed schema file is byte for byte what `protokoll schema` prints', async () => {
  const io = fakeIo();
  expect(await run(['schema'], io)).toBe(0);
  expect(io.stdout()).toBe(fs.readFileSync(file, 'utf8'));
});
