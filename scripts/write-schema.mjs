// Writes schema/minutes.v1.json from the built library (run `npm run build` first), so the package ships the schema file.
import fs from 'node:fs';
import path from 'node:path';
import { jsonSchema } from '../dist/schema/json-schema.js';
import { SCHEMA_VERSION } from '../dist/schema/minutes.js';

const target = path.resolve(import.meta.dirname, `../schema/minutes.v${SCHEMA_VERSION}.json`);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(jsonSchema(), null, 2) + '\n');
console.error(`wrote ${path.relative(process.cwd(), target)}`);
