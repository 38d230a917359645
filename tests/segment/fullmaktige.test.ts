// A kommunfullmäktige protokoll whose members are listed in an appendix, and a typewritten nämnd protokoll
// from the 1980s whose columns are set with spaces and whose attendees are running text.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const FULLMAKTIGE = `
ÅSBY KOMMUN\tSAMMANTRÄDESPROTOKOLL\tSida 1 (3)
Kommunfullmäktige\t2022-02-14

Plats och tid\tKommunhuset, måndagen den 14 februari 2022 kl. 18.00–20.15
Beslutande\tSe närvarolista, bilaga 1
Övriga närvarande\tPia Holm, kommunsekreterare
Justering\tOla Ek (S) och Lena Sand (M)

Underskrifter\tSekreterare\t...............\tParagrafer\t§§ 1–3
\t\tPia Holm
\tOrdförande\t...............
\t\tKarl Berg
\tJusterande\t...............    ...............
\t\tOla Ek                         Lena Sand

Ärendeförteckning

§ 1\tUpprop\t2
§ 2\tVal av justerare\t2
§ 3\tMeddelanden\t3

§ 1

Upprop

Upprop förrättas, se närvarolista, bilaga 1.

§ 2

Val av justerare

Kommunfullmäktiges beslut

Kommunfullmäktige beslutar att utse Ola Ek (S) och Lena Sand (M) att justera protokollet.

§ 3

Meddelanden

Kommunfullmäktiges beslut

Kommunfullmäktige beslutar att lägga meddelandena till handlingarna.

Bilaga 1, KF § 1

Närvarolista kommunfullmäktige 2022-02-14

Ledamöter
Karl Berg (M), ordförande
Ola Ek (S)
Lena Sand (M) §§ 1–2

Tjänstgörande ersättare
Rut Ahl (S) för Bo Ahl (S)
`;

const NAMND_1987 = `
ÅSBY KOMMUN                SAMMANTRÄDESPROTOKOLL        Blad 1

SOCIALNÄMNDEN              Sammanträdesdatum
                           1987-05-12

Tid och plats:     Tisdagen den 12 maj 1987 kl 14.00-16.30 i stadshusets
                   sammanträdesrum 3, Åsby

Närvarande:        ordf. Karl Svensson (s), vice ordf. Birgitta Lund (m),
                   ledamöterna Gunnel Ek (s), Rolf Persson (vpk), Bertil
                   Nilsson (m) samt tjänstgörande ersättaren
                   Astrid Hansson (s) för Lennart Bengtsson (s)

Övriga:            socialchef Gunnar Ström, nämndsekreterare Anna-Lisa Nordin

Paragrafer:        54-55

Vid protokollet

.........................................
Anna-Lisa Nordin

Justeras

.........................................     .........................................
Karl Svensson                                  Birgitta Lund

§ 54

Val av justerare

Beslöts att jämte ordföranden utse Birgitta Lund (m) att justera dagens protokoll.

§ 55

Meddelanden

Beslöts att lägga meddelandena till handlingarna.
`;

describe('a kommunfullmäktige protokoll with its attendance list in an appendix', () => {
  const r = segmentText(FULLMAKTIGE);
  it('reads the members from the appendix, with the front page\'s other attendees', () => {
    expect(r.attendees.map((a) => [a.name, a.group])).toEqual([
      ['Pia Holm', 'övriga'], ['Karl Berg', 'beslutande'], ['Ola Ek', 'beslutande'], ['Lena Sand', 'beslutande'], ['Rut Ahl', 'beslutande'],
    ]);
    expect(r.attendees.find((a) => a.name === 'Lena Sand')!.note).toBe('§§ 1–2');
    expect(r.attendees.find((a) => a.name === 'Rut Ahl')!.replaces).toBe('Bo Ahl');
  });
  it('reads every item, the first one included, and the last decision without the appendix heading', () => {
    expect(r.items.map((i) => [i.paragraph, i.title])).toEqual([[1, 'Upprop'], [2, 'Val av justerare'], [3, 'Meddelanden']]);
    expect(r.items[2]!.decisions.map((d) => d.text)).toEqual(['Kommunfullmäktige beslutar att lägga meddelandena till handlingarna.']);
  });
  it('reads the signature box: secretary beside the paragraph range, two justerare under one label', () => {
    expect(r.signatures.map((s) => [s.role, s.name])).toEqual([['sekreterare', 'Pia Holm'], ['ordförande', 'Karl Berg'], ['justerare', 'Ola Ek'], ['justerare', 'Lena Sand']]);
    expect(r.document.paragraphs).toEqual({ from: 1, to: 3 });
  });
});

describe('a typewritten nämnd protokoll from 1987', () => {
  const r = segmentText(NAMND_1987);
  it('reads the header from columns set with spaces, the place continuing on the next line', () => {
    expect(r.document).toMatchObject({ date: '1987-05-12', startTime: '14:00', endTime: '16:30', location: 'stadshusets sammanträdesrum 3, Åsby', paragraphs: { from: 54, to: 55 } });
  });
  it('reads attendees written as running text over several lines', () => {
    expect(r.attendees.map((a) => [a.name, a.party, a.role ?? a.title])).toEqual([
      ['Karl Svensson', 's', 'ordförande'], ['Birgitta Lund', 'm', 'vice ordförande'], ['Gunnel Ek', 's', null], ['Rolf Persson', 'vpk', null],
      ['Bertil Nilsson', 'm', null], ['Astrid Hansson', 's', null], ['Gunnar Ström', null, 'socialchef'], ['Anna-Lisa Nordin', null, 'sekreterare'],
    ]);
  });
  it('reads "Beslöts att" as the decision and both justerare', () => {
    expect(r.items.map((i) => i.decisions.map((d) => d.text))).toEqual([
      ['Beslöts att jämte ordföranden utse Birgitta Lund (m) att justera dagens protokoll.'], ['Beslöts att lägga meddelandena till handlingarna.'],
    ]);
    expect(r.signatures.map((s) => [s.role, s.name])).toEqual([['sekreterare', 'Anna-Lisa Nordin'], ['justerare', 'Karl Svensson'], ['justerare', 'Birgitta Lund']]);
  });
});
