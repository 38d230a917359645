// A complete protokoll in the layout most Swedish municipal meeting systems print, checked field by field.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const PROTOKOLL = `
Kommunstyrelsen\tSAMMANTRÄDESPROTOKOLL\t1 (6)
Sammanträdesdatum
2023-03-15

Plats och tid Kommunhuset, sammanträdesrum Rådet, kl. 08.30–12.00

Beslutande Ledamöter
Anna Andersson (S), ordförande
Per Persson (M), 1:e vice ordförande
Lars Larsson (S) ersätter Eva Ek (S)

Övriga närvarande Ersättare
Nils Nilsson (C)

Tjänstepersoner
Karin Kvist, kommundirektör
Maria Berg, sekreterare

Justerare Per Persson

Justeringens plats och tid Kommunhuset 2023-03-20

Underskrifter\tSekreterare\t..............................\tParagrafer 25–27
\tMaria Berg
\tOrdförande\t..............................
\tAnna Andersson
\tJusterare\t..............................
\tPer Persson

ANSLAG/BEVIS
Protokollet är justerat. Justeringen har tillkännagivits genom anslag.
Organ\tKommunstyrelsen
Sammanträdesdatum\t2023-03-15
Datum då anslaget sätts upp\t2023-03-21
Förvaringsplats för protokollet\tKommunkansliet
\f
Kommunstyrelsen\tSAMMANTRÄDESPROTOKOLL\t2 (6)
Sammanträdesdatum
2023-03-15

§ 25\tDnr KS 2023/00012
Val av justerare

Kommunstyrelsens beslut
Per Persson (M) utses att justera dagens protokoll.

Justerandes sign\tUtdragsbestyrkande
\f
Kommunstyrelsen\tSAMMANTRÄDESPROTOKOLL\t3 (6)
Sammanträdesdatum
2023-03-15

§ 26\tDnr KS 2023/00123
Budget 2024

Sammanfattning
Ekonomiavdelningen har tagit fram ett förslag till budget för 2024.

Beslutsunderlag
Tjänsteskrivelse 2023-02-28

Förslag till beslut
Kommunstyrelsen föreslår kommunfullmäktige besluta
att anta budget 2024 enligt förslaget.

Yrkanden
Anna Andersson (S) yrkar bifall till förslaget. Per Persson (M) yrkar avslag.

Omröstning
Omröstning begärs och genomförs.
Ja-röster: 7
Nej-röster: 4
Med 7 ja-röster mot 4 nej-röster bifaller kommunstyrelsen förslaget.

Beslut
Kommunstyrelsen föreslår kommunfullmäktige besluta
att anta budget 2024 enligt förslaget, samt
att uppdra åt nämnderna att anpassa sina verksamhetsplaner.

Reservation
Per Persson (M) reserverar sig mot beslutet.

Beslutet skickas till
Kommunfullmäktige
Ekonomiavdelningen

Justerandes sign\tUtdragsbestyrkande
\f
Kommunstyrelsen\tSAMMANTRÄDESPROTOKOLL\t4 (6)
Sammanträdesdatum
2023-03-15

§ 27\tDnr KS 2023/00200
Motion om cykelbanor

Kommunstyrelsens beslut
1. Motionen anses besvarad.
2. Ärendet överlämnas till tekniska nämnden.

Justerandes sign\tUtdragsbestyrkande
`;

describe('a kommunstyrelse protokoll', () => {
  const r = segmentText(PROTOKOLL);

  it('reads the header, including label and value separated by a space', () => {
    expect(r.document).toMatchObject({
      kind: 'protokoll', organization: null, body: 'Kommunstyrelsen', date: '2023-03-15', startTime: '08:30', endTime: '12:00',
      location: 'Kommunhuset, sammanträdesrum Rådet', paragraphs: { from: 25, to: 27 },
    });
  });

  it('reads attendees under combined headings and assigns roles from elsewhere in the front matter', () => {
    expect(r.attendees.map((a) => [a.name, a.group, a.party, a.role, a.replaces, a.title])).toEqual([
      ['Anna Andersson', 'beslutande', 'S', 'ordförande', null, null],
      ['Per Persson', 'beslutande', 'M', '1:e vice ordförande', null, null],
      ['Lars Larsson', 'beslutande', 'S', null, 'Eva Ek', null],
      ['Nils Nilsson', 'ersättare', 'C', null, null, null],
      ['Karin Kvist', 'övriga', null, null, null, 'kommundirektör'],
      ['Maria Berg', 'övriga', null, 'sekreterare', null, null],
    ]);
  });

  it('reads the signature block on the front page', () => {
    expect(r.signatures.map((s) => [s.role, s.name, s.method])).toEqual([
      ['sekreterare', 'Maria Berg', 'handwritten'], ['ordförande', 'Anna Andersson', 'handwritten'], ['justerare', 'Per Persson', 'handwritten'],
    ]);
  });

  it('reads items with case numbers, and keeps running headers and initials boxes out', () => {
    expect(r.items.map((i) => [i.paragraph, i.title, i.caseNumber])).toEqual([
      [25, 'Val av justerare', 'KS 2023/00012'], [26, 'Budget 2024', 'KS 2023/00123'], [27, 'Motion om cykelbanor', 'KS 2023/00200'],
    ]);
    for (const i of r.items) expect(i.body).not.toMatch(/SAMMANTRÄDESPROTOKOLL|Justerandes sign|Utdragsbestyrkande|Sammanträdesdatum/);
  });

  it('reads the decision, not the proposal, when an item has both', () => {
    expect(r.items[0]!.decisions.map((d) => d.text)).toEqual(['Per Persson (M) utses att justera dagens protokoll.']);
    expect(r.items[1]!.decisions.map((d) => d.text)).toEqual([
      'att anta budget 2024 enligt förslaget, samt', 'att uppdra åt nämnderna att anpassa sina verksamhetsplaner.',
    ]);
    expect(r.items[2]!.decisions.map((d) => d.text)).toEqual(['Motionen anses besvarad.', 'Ärendet överlämnas till tekniska nämnden.']);
  });

  it('reads the vote and the reservation', () => {
    expect(r.items[1]!.votes.map((v) => [v.yes, v.no])).toEqual([[7, 4]]);
    expect(r.items[1]!.reservations).toEqual(['Per Persson (M)']);
  });
});
