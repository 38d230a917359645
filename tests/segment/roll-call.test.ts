// A kommunfullmäktige's "Närvaro- och omröstningslista": members, their parties, crosses for presence and
// votes, and the substitute who sat in for an absent member, in a table after the items.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const PROTOKOLL = `
KALLBY KOMMUN\tPROTOKOLL
Kommunfullmäktige\t2019-12-09

Beslutande\tEnligt bilaga 1, närvaro- och omröstningslista

§ 118 Budget 2020
Kommunfullmäktiges beslut
Kommunfullmäktige beslutar att fastställa budgeten.

Bilaga 1 Närvaro- och omröstningslista

\t\t\t\t§ 118
Ledamöter\tParti\tNärv.\tTjänstgörande ersättare\tJa\tNej\tAvstår
Anders Lind, ordförande\tS\tx\t\tx
Bo Herman\tM\tx\t\t\tx
Peter Hed\tS\t\tJenny Malm (S)\tx
Summa\t\t\t\tJa 2, Nej 1, Avstår 0
`;

describe('a roll-call list in an appendix', () => {
  const r = segmentText(PROTOKOLL);
  it('reads members, parties and the substitute who sat in for an absent member', () => {
    expect(r.attendees.map((a) => [a.name, a.party, a.group, a.replaces])).toEqual([
      ['Anders Lind', 'S', 'beslutande', null], ['Bo Herman', 'M', 'beslutande', null], ['Peter Hed', 'S', 'frånvarande', null],
      ['Jenny Malm', 'S', 'beslutande', 'Peter Hed'],
    ]);
    expect(r.attendees[0]!.role).toBe('ordförande');
  });
  it('does not read the list\'s "§ 118" as an item', () => {
    expect(r.items.map((i) => [i.paragraph, i.title])).toEqual([[118, 'Budget 2020']]);
    expect(r.items[0]!.decisions.map((d) => d.text)).toEqual(['Kommunfullmäktige beslutar att fastställa budgeten.']);
  });
});
