// What each line became: the line an element starts on, the lines it runs on over, header fields, furniture, unused.
import { describe, expect, it } from 'vitest';
import { convertWithText } from '../../src/convert.js';
import { elementsOf } from '../../src/review/elements.js';
import { lineUses } from '../../src/review/uses.js';
import { dedent } from '../helpers.js';

const text = dedent(`
  PROTOKOLL
  Kommunstyrelsen
  Sammanträdesdatum: 2024-02-01
  Plats: Stadshuset

  Beslutande
  Anna Ek (S), ordförande
  Per Lund (M)

  Justerandes sign

  § 1 Budget för
  år 2025
  Kommunstyrelsen beslutar
  att godkänna budgeten för år 2025 enligt
  förvaltningens förslag.

  Kaffe serverades i pausen.

  Justerandes sign
`);

/** With segmentation's trace (as the review site has it) or, to check the fallback, from the words alone. */
async function uses(traced = true) {
  const c = await convertWithText(Buffer.from(text), { fileName: 'ks.txt' });
  return { doc: c.minutes, uses: lineUses(c.minutes, c.lines, traced ? c.trace : undefined) };
}

describe('what each line became', () => {
  it('names the element a line starts, and the element a following line is part of', async () => {
    const { doc, uses: u } = await uses();
    const byLine = (line: number) => u.get(`1:${line}`) ?? [];
    const attendees = elementsOf(doc).filter((e) => e.kind === 'attendee');
    expect(attendees.map((a) => a.label)).toEqual(['Anna Ek (S)', 'Per Lund (M)']);
    expect(byLine(7)).toEqual([{ kind: 'start', element: 'a0' }]);
    expect(byLine(8)).toEqual([{ kind: 'start', element: 'a1' }]);
    expect(doc.items[0]!.source.line).toBe(12);
    expect(byLine(12)).toEqual([{ kind: 'start', element: 'i0' }]);
    // The decision starts on its own line and runs on over the next two; they are its, not just the item's.
    const decision = doc.items[0]!.decisions[0]!;
    const decisionId = 'i0d0';
    expect(byLine(decision.source.line)).toEqual([{ kind: 'start', element: decisionId }]);
    expect(byLine(16)).toEqual([{ kind: 'part', element: decisionId }]);
  });

  it('finds the same without segmentation\'s trace, from the sources and the words alone', async () => {
    expect((await uses(false)).uses).toEqual((await uses(true)).uses);
  });

  it('finds header fields on the lines that hold them, and marks furniture and unused lines', async () => {
    const { uses: u } = await uses();
    expect(u.get('1:1')).toEqual([{ kind: 'header', field: 'title' }]);
    expect(u.get('1:3')).toEqual([{ kind: 'header', field: 'date' }]);
    expect(u.get('1:4')).toEqual([{ kind: 'header', field: 'location' }]);
    expect(u.get('1:10')).toEqual([{ kind: 'furniture', rule: 'signature-box' }]);
    // Blank lines never appear; a line no element holds has no uses at all.
    expect(u.get('1:5')).toBeUndefined();
  });

  it('takes a label line over the element that follows it, and leaves a line no element holds unused', async () => {
    const { uses: u } = await uses();
    expect(u.get('1:6')).toEqual([{ kind: 'label', element: 'a0' }]);
    const c = await convertWithText(Buffer.from(text.replace('Plats: Stadshuset\n', 'Plats: Stadshuset\nTryckt i två exemplar\n')), { fileName: 'ks.txt' });
    const printed = c.lines.find((l) => l.text === 'Tryckt i två exemplar')!;
    expect(lineUses(c.minutes, c.lines).get(`1:${printed.line}`)).toBeUndefined();
  });
});
