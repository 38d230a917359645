import { describe, expect, it } from 'vitest';
import { isParty, parseEntry, splitEntries } from '../../src/segment/entries.js';

const entry = (s: string) => parseEntry(s);

describe('attendee entries', () => {
  it('reads "Name (P), Org"', () => {
    expect(entry('Abdullahi Cadaani (S), Bollnäs kommun')).toMatchObject({ name: 'Abdullahi Cadaani', party: 'S', organization: 'Bollnäs kommun' });
  });
  it('reads "Name, Org" and an organisation without a comma after the party', () => {
    expect(entry('Maria Reinholdsson, Ale')).toMatchObject({ name: 'Maria Reinholdsson', party: null, organization: 'Ale' });
    expect(entry('Ola Wigg (S) Nordanstigs kommun')).toMatchObject({ party: 'S', organization: 'Nordanstigs kommun' });
  });
  it('reads title and organisation in one parenthesis', () => {
    expect(entry('Carl Bartler (Kommundirektör, Varbergs kommun)')).toMatchObject({ title: 'Kommundirektör', organization: 'Varbergs kommun', party: null });
  });
  it('reads party, role, organisation and a trailing note', () => {
    expect(entry('Mikaela Waltersson (M) (ordförande) (Region Halland) fram till kl. 09.30, dag 2')).toEqual({
      name: 'Mikaela Waltersson', party: 'M', organization: 'Region Halland', title: null, role: 'ordförande', replaces: null, note: 'fram till kl. 09.30, dag 2',
    });
  });
  it('reads a role after a comma', () => {
    expect(entry('Anna Berg (M), ordförande')).toMatchObject({ party: 'M', role: 'ordförande', organization: null });
    expect(entry('Per Holm (S), 1:e vice ordförande')).toMatchObject({ role: '1:e vice ordförande' });
  });
  it('reads a role or title after the party without a comma, and a party after a comma', () => {
    expect(entry('Anna Andersson (S) ordförande')).toMatchObject({ party: 'S', role: 'ordförande', note: null });
    expect(entry('Karin Kvist (S) kommunalråd')).toMatchObject({ title: 'kommunalråd', note: null });
    expect(entry('Per Holm, M')).toMatchObject({ party: 'M', organization: null });
  });
  it('reads who a substitute replaces', () => {
    expect(entry('Karl Ek (S) ersätter Eva Ro (S)')).toMatchObject({ name: 'Karl Ek', party: 'S', replaces: 'Eva Ro' });
    expect(entry('Lena Sjö (C), tjänstgör för Olof Bäck (C)')).toMatchObject({ replaces: 'Olof Bäck' });
  });
  it('keeps a lone title in parentheses as a title and a lone place as organisation', () => {
    expect(entry('Bo-Josef Eriksson (Regional utvecklingsdirektör)')).toMatchObject({ title: 'Regional utvecklingsdirektör', organization: null });
    expect(entry('Cecilia Engström (Länsstyrelsen), dag 2')).toMatchObject({ organization: 'Länsstyrelsen', note: 'dag 2' });
  });
  it('rejects lines that do not start with a name', () => {
    expect(entry('Mötets öppnande och incheckning')).toBeNull();
    expect(entry('Diskussion kring AI')).toBeNull();
    expect(entry('att notera informationen')).toBeNull();
  });
  it('tells party codes from other parentheses', () => {
    for (const p of ['S', 'M', 'KD', 'SD', 'MP', 'V', 'L', 'C']) expect(isParty(p)).toBe(true);
    for (const p of ['HighFive', 'Region Halland', 'ordförande', 'Kommunchef']) expect(isParty(p)).toBe(false);
  });
});

describe('several entries on one line', () => {
  it('splits "Name, Org Name, Org" where the columns ran together', () => {
    expect(splitEntries('Jonas Jonsson, Båstad Elin Ask, Ängelholm')).toEqual(['Jonas Jonsson, Båstad', 'Elin Ask, Ängelholm']);
    expect(splitEntries('Carina Leffler, Helsingborg stad Christer Paulsson, Åstorp')).toEqual(['Carina Leffler, Helsingborg stad', 'Christer Paulsson, Åstorp']);
  });
  it('splits a paragraph of "Name (P) (Org)" entries at each name', () => {
    const parts = splitEntries('Helene Andersson (C) (Region Halland) Lise-Lotte Bensköld Olsson (S) (Region Halland) fram till kl. 10 Per Persson (S) (Region Halland)');
    expect(parts.map((p) => parseEntry(p)!.name)).toEqual(['Helene Andersson', 'Lise-Lotte Bensköld Olsson', 'Per Persson']);
    expect(parseEntry(parts[1]!)!.note).toBe('fram till kl. 10');
  });
  it('does not split the replaced person off a substitute', () => {
    expect(splitEntries('Karl Ek (S) ersätter Eva Ro (S)')).toHaveLength(1);
  });
  it('leaves a single entry alone', () => {
    expect(splitEntries('Mikael Johansson, sekretariatet')).toEqual(['Mikael Johansson, sekretariatet']);
  });

  it('reads party codes in lower case, as older minutes write them', () => {
    expect(entry('Rolf Persson (vpk)')).toMatchObject({ party: 'vpk' });
    expect(entry('Sven Åberg (fp)')).toMatchObject({ party: 'fp' });
    expect(isParty('s')).toBe(true);
    expect(entry('Anna Ek (bil)')).toMatchObject({ party: null, organization: 'bil' });
  });
  it('reads the words that introduce a person in running text: a role, a title, or a group word to drop', () => {
    expect(entry('ordf. Karl Svensson (s)')).toMatchObject({ name: 'Karl Svensson', party: 's', role: 'ordförande' });
    expect(entry('vice ordf. Birgitta Lund (m)')).toMatchObject({ name: 'Birgitta Lund', role: 'vice ordförande' });
    expect(entry('ledamöterna Gunnel Ek (s)')).toMatchObject({ name: 'Gunnel Ek', role: null, title: null });
    expect(entry('socialchef Gunnar Ström')).toMatchObject({ name: 'Gunnar Ström', title: 'socialchef' });
    expect(entry('tjänstgörande ersättaren Astrid Hansson (s) för Lennart Bengtsson (s)')).toMatchObject({ name: 'Astrid Hansson', replaces: 'Lennart Bengtsson' });
  });
  it('splits a list in running text, each person with the words before their name', () => {
    expect(splitEntries('ordf. Karl Svensson (s), vice ordf. Birgitta Lund (m), ledamöterna Gunnel Ek (s), Sven Åberg (fp) samt tjänstgörande ersättaren Astrid Hansson (s) för Lennart Bengtsson (s)')).toEqual([
      'ordf. Karl Svensson (s)', 'vice ordf. Birgitta Lund (m)', 'ledamöterna Gunnel Ek (s)', 'Sven Åberg (fp)', 'tjänstgörande ersättaren Astrid Hansson (s) för Lennart Bengtsson (s)',
    ]);
    expect(splitEntries('socialchef Gunnar Ström, förste socialsekreterare Eva Lindholm §§ 57-59, nämndsekreterare Anna-Lisa Nordin')).toEqual([
      'socialchef Gunnar Ström', 'förste socialsekreterare Eva Lindholm §§ 57-59', 'nämndsekreterare Anna-Lisa Nordin',
    ]);
  });
  it('does not split "Name, Organisation" into two people', () => {
    expect(splitEntries('Anna Svensson, Region Halland')).toEqual(['Anna Svensson, Region Halland']);
  });

  it('reads forms of address and a title written with a capital before the name', () => {
    expect(entry('Herr ordföranden Nils Andersson')).toMatchObject({ name: 'Nils Andersson', role: 'ordförande' });
    expect(entry('fru Elsa Karlsson')).toMatchObject({ name: 'Elsa Karlsson', role: null, title: null });
    expect(entry('Kommundirektör Jan Fransson')).toMatchObject({ name: 'Jan Fransson', title: 'Kommundirektör' });
    expect(entry('Ledamoten Ivar Nordström.')).toMatchObject({ name: 'Ivar Nordström' });
  });
  it('keeps what running text says about the person before it with that person', () => {
    const parts = splitEntries('suppleanterna Bertil Holm, tjänstgörande i stället för Ivar Nordström, och Gunnar Ek.');
    expect(parts.map((p) => [parseEntry(p)?.name, parseEntry(p)?.replaces])).toEqual([['Bertil Holm', 'Ivar Nordström'], ['Gunnar Ek', null]]);
    const two = splitEntries('Kommunalkamrer Olle Sjöberg samt kommunalsekreterare Lennart Wahlström, den senare såsom sekreterare.');
    expect(two.map((p) => parseEntry(p))).toMatchObject([{ name: 'Olle Sjöberg', title: 'Kommunalkamrer' }, { name: 'Lennart Wahlström', title: 'kommunalsekreterare', role: 'sekreterare' }]);
  });
});
