// A kommunalförbund's protokoll as a PDF text layer prints it: label column, two attendee columns, "för" substitutes.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const DIREKTION = `
PROTOKOLL\t1 (3)
Direktionen för Räddningstjänsten Syd
Sammanträdesdatum\t2023-11-20

Plats och tid\tBrandstationen, Kungsgatan 5, kl. 14.00–16.15

Beslutande\tLedamöter\tTjänstgörande ersättare
\tAnna Ek (S), ordförande\tKarl Berg (S) för Lisa Ek (S)
\tPer Holm (M), vice ordförande\tEva Lund (C) för Nils Ask (C)

Övriga närvarande\tMaria Dahl, förbundsdirektör
\tJohan Sjö, sekreterare

Utses att justera\tPer Holm

§ 41\tDnr 2023-000118
Delårsrapport per augusti 2023
Direktionens beslut
Direktionen godkänner delårsrapporten.

§ 42\tDnr 2023-000120
Budget 2024
Direktionens beslut
1. Budgeten fastställs.
2. Medlemsbidragen räknas upp med 3 procent.
`;

describe('a kommunalförbund direktion protokoll', () => {
  const r = segmentText(DIREKTION);
  it('reads the header', () => {
    expect(r.document).toMatchObject({ kind: 'protokoll', date: '2023-11-20', startTime: '14:00', endTime: '16:15', location: 'Brandstationen, Kungsgatan 5' });
  });
  it('reads two attendee columns and substitutes written "för"', () => {
    expect(r.attendees.map((a) => [a.name, a.group, a.role, a.replaces, a.title])).toEqual([
      ['Anna Ek', 'beslutande', 'ordförande', null, null],
      ['Karl Berg', 'beslutande', 'tjänstgörande ersättare', 'Lisa Ek', null],
      ['Per Holm', 'beslutande', 'vice ordförande', null, null], // a role named in the list wins over "Utses att justera"
      ['Eva Lund', 'beslutande', 'tjänstgörande ersättare', 'Nils Ask', null],
      ['Maria Dahl', 'övriga', null, null, 'förbundsdirektör'],
      ['Johan Sjö', 'övriga', 'sekreterare', null, null],
    ]);
  });
  it('reads items with case numbers and decisions', () => {
    expect(r.items.map((i) => [i.paragraph, i.title, i.caseNumber, i.decisions.length])).toEqual([
      [41, 'Delårsrapport per augusti 2023', '2023-000118', 1], [42, 'Budget 2024', '2023-000120', 2],
    ]);
  });
});
