// Properties that must hold on any input: the text pipeline never throws and always yields a valid document.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { cleanPages } from '../../src/clean/index.js';
import { textToPages } from '../../src/input/text.js';
import { validateMinutes } from '../../src/schema/validate.js';
import { segment } from '../../src/segment/index.js';

const fixtureLines = fs.readdirSync(path.resolve(import.meta.dirname, '../../fixtures'))
  .filter((d) => d.startsWith('text-'))
  .map((d) => fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures', d, 'input.txt'), 'utf8').split('\n'));

/** Strings that look a little like minutes: labels, names, § headings, clauses and noise mixed. */
const minutesish = fc.array(fc.oneof(
  fc.string(),
  fc.constantFrom('Beslutande', 'Närvarande:', '§ 12 Budget', '1. Öppnande', 'Beslut', 'att godkänna', 'Anna Ek (S), Ale', 'Justerare',
    'Tid och plats: 12 maj 2024 kl. 9-12', 'Ordförande\tJusterare', 'Namn: Per Holm', '**Sammanfattning**', '## Rubrik', '\t', '', '\f', '<!-- sida 2 -->'),
), { maxLength: 40 }).map((parts) => parts.join('\n'));

describe('properties', () => {
  it('any string converts to a valid document without throwing', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 300 }), minutesish), async (text) => {
      const bytes = Buffer.from(text.length ? text : ' ');
      try {
        const doc = await convert(bytes, { fileName: 'x.txt' });
        expect(validateMinutes(doc).ok).toBe(true);
      } catch (error) {
        // Only inputs that are not text at all may be refused, and then with a typed, named reason.
        expect((error as { code?: string }).code).toMatch(/^input-/);
      }
    }), { numRuns: 150 });
  });

  it('segmentation of any reordering or truncation of a fixture never throws', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: fixtureLines.length - 1 }),
      fc.array(fc.nat(), { maxLength: 120 }),
      fc.nat(),
      (which, order, cut) => {
        const lines = fixtureLines[which]!;
        const picked = order.length ? order.map((k) => lines[k % lines.length]!) : lines.slice(0, cut % (lines.length + 1));
        const result = segment(cleanPages(textToPages(picked.join('\n'))));
        expect(Array.isArray(result.items)).toBe(true);
      },
    ), { numRuns: 200 });
  });
});
