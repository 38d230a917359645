// Generates the published JSON Schema of the output from the zod contract.
import { z } from 'zod';
import { Minutes, SCHEMA_VERSION } from './minutes.js';

export const SCHEMA_ID = `urn:protokoll:schema:minutes:v${SCHEMA_VERSION}`;

export function jsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Minutes, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: SCHEMA_ID,
    title: `protokoll minutes, schema version ${SCHEMA_VERSION}`,
    description: 'Structured Swedish meeting minutes (sammanträdesprotokoll, minnesanteckningar) as emitted by protokoll.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
