// Association and board minutes: unnumbered points, member lists with numbers, decisions told in sentences.
import { describe, expect, it } from 'vitest';
import { isResolution } from '../../src/segment/resolutions.js';
import { segmentText } from '../helpers.js';

describe('resolutions told in sentences', () => {
  it('knows the sentences that report what the meeting resolved', () => {
    for (const s of ['Dagordningen godkändes.', 'Eva Berg valdes till ordförande för mötet.', 'Till suppleant omvaldes Per Ek.', 'Stämman beviljade styrelsen ansvarsfrihet.',
      'Beslöts att köpa in nya bollar.', 'Styrelsen beslutade att höja avgiften.', 'Verksamhetsberättelsen lades till handlingarna.', 'Budgeten fastställdes.'])
      expect(isResolution(s), s).toBe(true);
    for (const s of ['Revisorn tillstyrker ansvarsfrihet.', 'Kassören redovisade resultatet.', 'Styrelsen föreslår att avgiften godkänns.', 'Ola undersöker saken till nästa möte.',
      'Ordföranden öppnade mötet.', 'Förslag: att styrelsen fastställer budget 2022.'])
      expect(isResolution(s), s).toBe(false);
  });
  it('takes each such sentence as a decision where the minutes never head a decision', () => {
    const r = segmentText('Närvarande: Eva Berg, Per Ek\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Dagordning\nDagordningen godkändes. Punkten om\nlokaler lades till.\n\n3. Val av justerare\nPer Ek valdes att justera protokollet.');
    expect(r.items.map((i) => i.decisions.map((d) => d.text))).toEqual([[], ['Dagordningen godkändes.'], ['Per Ek valdes att justera protokollet.']]);
  });
});

describe('unnumbered points', () => {
  it('reads short title lines with their text right under them, where standard points show the shape', () => {
    const r = segmentText('Närvarande: Eva Berg, Per Ek\n\nMötets öppnande\nOrdföranden öppnade mötet.\n\nVal av justerare\nPer Ek valdes.\n\nMedlemsvärvning\nFlera idéer diskuterades under mötet.\n\nÖvriga frågor\nInga övriga frågor.');
    expect(r.items.map((i) => i.title)).toEqual(['Mötets öppnande', 'Val av justerare', 'Medlemsvärvning', 'Övriga frågor']);
  });
});

describe('member lists', () => {
  it('reads a list of members with their numbers and properties as a table', () => {
    const r = segmentText('Närvarande medlemmar enligt röstlängd\n\nMedl.nr   Namn              Fastighet, adress\n4         Siv Ek            Ås 1:4, Ängsvägen 2\n7         Mirza Hodžić      Ås 1:7, Ängsvägen 8\n\n1. Stämmans öppnande\nText.');
    expect(r.attendees.map((a) => [a.name, a.group, a.note])).toEqual([['Siv Ek', 'närvarande', 'Ås 1:4, Ängsvägen 2'], ['Mirza Hodžić', 'närvarande', 'Ås 1:7, Ängsvägen 8']]);
  });
  it('reads people after the last one with a parenthesis, and a parenthesis broken onto the next line', () => {
    const r = segmentText('Närvarande: Eva Berg (ordförande), Ola Lind (kassör), Per Ek\n(sekreterare), Lisa Holm, Kim Ahl\n\n1. Öppnande\nText.');
    expect(r.attendees.map((a) => [a.name, a.title ?? a.role])).toEqual([['Eva Berg', 'ordförande'], ['Ola Lind', 'kassör'], ['Per Ek', 'sekreterare'], ['Lisa Holm', null], ['Kim Ahl', null]]);
  });
});

describe('resolutions in minutes whose decisions open with a clause', () => {
  it('reads sentences in the items that have no "Styrelsen beslutade" clause', () => {
    const r = segmentText('§ 1 Val av justerare\nTill att justera protokollet utsågs Omar Said.\n\n§ 2 Investering\nVD redogjorde för förslaget.\n\nStyrelsen beslutade\natt godkänna investeringen,\natt uppdra åt VD att teckna avtal.');
    expect(r.items.map((i) => i.decisions.map((d) => d.text))).toEqual([
      ['Till att justera protokollet utsågs Omar Said.'],
      ['att godkänna investeringen,', 'att uppdra åt VD att teckna avtal.'],
    ]);
  });
  it('leaves items without a decision heading alone where the template prints "Beslut"', () => {
    const r = segmentText('§ 1 Information\nNämnden beslutade 2023 att utreda frågan. Förvaltningen informerar.\n\n§ 2 Taxa\n\nBeslut\nNämnden antar taxan.');
    expect(r.items.map((i) => i.decisions.length)).toEqual([0, 1]);
  });
});
