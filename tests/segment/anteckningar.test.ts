// Minnesanteckningar from a regional network: labelled header lines, a list of participants, numbered points, inline decisions.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const ANTECKNINGAR = `
Minnesanteckningar
Nätverket för socialchefer i Skaraborg

Datum: 2024-05-14
Tid: 13.00–15.30
Plats: Teams

Deltagare: Anna Ek (Skövde), Per Holm (Lidköping), Eva Lund (Mariestad), Jonas Berg (Falköping)
Frånvarande: Lisa Sund (Tibro)

1. Inledning och godkännande av dagordning
Dagordningen godkändes.

2. Rapport från länsstyrelsen
Länsstyrelsen informerade om det nya uppdraget.
Beslut: Nätverket beslutar att bjuda in länsstyrelsen till nästa möte.

3. Gemensam upphandling av korttidsboende
Per Holm redogjorde för läget.
Beslut:
- att fortsätta utredningen
- att återrapportera i september

4. Nästa möte
Nästa möte hålls den 10 september 2024.

Vid anteckningarna
Jonas Berg
`;

describe('minnesanteckningar', () => {
  const r = segmentText(ANTECKNINGAR);
  it('reads the header', () => {
    expect(r.document).toMatchObject({ kind: 'anteckningar', title: 'Minnesanteckningar', date: '2024-05-14', startTime: '13:00', endTime: '15:30', location: 'Teams' });
  });
  it('reads participants on one line', () => {
    expect(r.attendees.map((a) => [a.name, a.organization, a.group])).toEqual([
      ['Anna Ek', 'Skövde', 'närvarande'], ['Per Holm', 'Lidköping', 'närvarande'], ['Eva Lund', 'Mariestad', 'närvarande'],
      ['Jonas Berg', 'Falköping', 'närvarande'], ['Lisa Sund', 'Tibro', 'frånvarande'],
    ]);
  });
  it('reads numbered points and inline decisions', () => {
    expect(r.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Inledning och godkännande av dagordning'], ['2', 'Rapport från länsstyrelsen'], ['3', 'Gemensam upphandling av korttidsboende'], ['4', 'Nästa möte'],
    ]);
    expect(r.items[1]!.decisions.map((d) => d.text)).toEqual(['Nätverket beslutar att bjuda in länsstyrelsen till nästa möte.']);
    expect(r.items[2]!.decisions.map((d) => d.text)).toEqual(['att fortsätta utredningen', 'att återrapportera i september']);
  });
  it('reads who took the notes', () => {
    expect(r.signatures.map((s) => [s.role, s.name])).toEqual([['sekreterare', 'Jonas Berg']]);
  });
});
