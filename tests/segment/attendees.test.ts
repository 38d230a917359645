import { describe, expect, it } from 'vitest';
import { findAttendees, readGroupHeading } from '../../src/segment/attendees.js';
import { contextOf, segmentText } from '../helpers.js';

function attendees(text: string) {
  const ctx = contextOf(text);
  return findAttendees(ctx, ctx.lines.length);
}

describe('group headings', () => {
  it('maps the usual headings to groups', () => {
    const cases: Array<[string, string]> = [
      ['Beslutande', 'beslutande'], ['Ledamöter', 'beslutande'], ['Ersättare', 'ersättare'], ['Närvarande:', 'närvarande'],
      ['Övriga deltagare', 'övriga'], ['Övriga närvarande', 'övriga'], ['Tjänstepersoner', 'övriga'], ['Tjänstemän', 'övriga'],
      ['Ej närvarande', 'frånvarande'], ['Anmält förhinder:', 'frånvarande'], ['Frånvarande', 'frånvarande'], ['### EJ NÄRVARANDE', 'frånvarande'],
    ];
    for (const [label, group] of cases) expect(readGroupHeading(label.replace(/^### /, ''))?.labels[0]?.group, label).toBe(group);
  });
  it('survives lost diacritics in labels', () => {
    expect(readGroupHeading('Narvarande:')?.labels[0]?.group).toBe('närvarande');
    expect(readGroupHeading('Anmalt férhinder:')?.labels[0]?.group).toBe('frånvarande');
  });
  it('reads a tjänstgörande ersättare as beslutande with that role', () => {
    expect(readGroupHeading('Tjänstgörande ersättare')?.labels[0]).toEqual({ group: 'beslutande', role: 'tjänstgörande ersättare' });
  });
  it('does not take sentences or item titles for headings', () => {
    expect(readGroupHeading('Närvarande var samtliga ledamöter.')).toBeNull();
    expect(readGroupHeading('Övriga frågor')).toBeNull();
  });
});

describe('attendee blocks', () => {
  it('reads a block until the next section', () => {
    const a = attendees(`
      Beslutande
      Abdullahi Cadaani (S), Bollnäs kommun
      Ola Wigg (S) Nordanstigs kommun

      Övriga deltagare
      Helena Tillstrand, Bollnäs kommun

      Paragrafer
      §§ 1-5
    `);
    expect(a.map((x) => [x.name, x.group, x.party])).toEqual([
      ['Abdullahi Cadaani', 'beslutande', 'S'], ['Ola Wigg', 'beslutande', 'S'], ['Helena Tillstrand', 'övriga', null],
    ]);
    expect(a[0]!.source).toEqual({ page: 1, line: 2, box: null });
  });
  it('reads entries on the heading line after a tab or colon', () => {
    const a = attendees('Närvarande: Anna Ek (S), Per Holm (M), Eva Lund (C)\nTjänstepersoner\tKarin Berg (Kommunchef, Ale kommun)');
    expect(a.map((x) => [x.name, x.group])).toEqual([['Anna Ek', 'närvarande'], ['Per Holm', 'närvarande'], ['Eva Lund', 'närvarande'], ['Karin Berg', 'övriga']]);
    expect(a[3]!.title).toBe('Kommunchef');
  });
  it('reads two columns side by side as two lists, one column after the other', () => {
    const a = attendees('Beslutande\tErsättare\nAnna Ek (S)\tPer Holm (S)\nLars Björk (M)\tEva Lund (M)');
    expect(a.map((x) => [x.name, x.group])).toEqual([
      ['Anna Ek', 'beslutande'], ['Lars Björk', 'beslutande'], ['Per Holm', 'ersättare'], ['Eva Lund', 'ersättare'],
    ]);
  });
  it('reads columns set with spaces, each with labels of its own and notes wrapped in it', () => {
    const a = attendees([
      'Beslutande',
      'Ledamöter                           Tjänstgörande ersättare',
      'Siv Ek (S), ordförande              Ola Holm (M) ersätter Bo Ek (M),',
      'Jan Öst (M)                         §§ 3–5',
      'Anna K Berg (C)                     Dragan Šarić (S) ersätter Lena Ruth (S)',
      'Per Ström (V)',
      'Kim Ahl (SD)                        Ej tjänstgörande ersättare',
      'Lisa Bo (L)                         Ulf Ring (M)',
      '                                    Övriga närvarande',
      '                                    Eva Sand, kommunsekreterare, §§ 1–2,',
      '                                    kl. 18.00–19.30',
    ].join('\n'));
    expect(a.map((x) => [x.name, x.group, x.replaces, x.note])).toEqual([
      ['Siv Ek', 'beslutande', null, null], ['Jan Öst', 'beslutande', null, null], ['Anna K Berg', 'beslutande', null, null],
      ['Per Ström', 'beslutande', null, null], ['Kim Ahl', 'beslutande', null, null], ['Lisa Bo', 'beslutande', null, null],
      ['Ola Holm', 'beslutande', 'Bo Ek', '§§ 3–5'], ['Dragan Šarić', 'beslutande', 'Lena Ruth', null], ['Ulf Ring', 'ersättare', null, null],
      ['Eva Sand', 'övriga', null, '§§ 1–2, kl. 18.00–19.30'],
    ]);
  });
  it('gives a role to people named under a role heading, without listing them twice', () => {
    const a = attendees('Beslutande\nPernilla Färlin (M), Ljusdals kommun\n\nUtses att justera\nPernilla Färlin (M), Ljusdals kommun');
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ name: 'Pernilla Färlin', role: 'justerare' });
  });
  it('stops at a line that is not an entry', () => {
    const a = attendees('Närvarande\nJonas Jonsson, Båstad Elin Ask, Ängelholm\n\nMötets öppnande och incheckning\nDiskussion kring AI');
    expect(a.map((x) => x.name)).toEqual(['Jonas Jonsson', 'Elin Ask']);
  });
  it('does not read a sentence about a person as an entry', () => {
    const a = attendees('Närvarande\nAnna Ek (S)\nPatrik Jakobsson inledde med att beskriva projektet.');
    expect(a.map((x) => x.name)).toEqual(['Anna Ek']);
  });

  it('joins a list that runs on over lines ending in a comma, and a name broken between lines', () => {
    const a = attendees(`
      Närvarande:\tordf. Karl Svensson (s), vice ordf. Birgitta Lund (m),
      ledamöterna Gunnel Ek (s), Rolf Persson (vpk), Bertil
      Nilsson (m), Erik Johansson (c) samt tjänstgörande ersättaren
      Astrid Hansson (s) för Lennart Bengtsson (s)

      Ersättare:\tOlle Granath (m)
    `);
    expect(a.map((x) => [x.name, x.party, x.group])).toEqual([
      ['Karl Svensson', 's', 'närvarande'], ['Birgitta Lund', 'm', 'närvarande'], ['Gunnel Ek', 's', 'närvarande'], ['Rolf Persson', 'vpk', 'närvarande'],
      ['Bertil Nilsson', 'm', 'närvarande'], ['Erik Johansson', 'c', 'närvarande'], ['Astrid Hansson', 's', 'närvarande'], ['Olle Granath', 'm', 'ersättare'],
    ]);
    expect(a[6]!.replaces).toBe('Lennart Bengtsson');
  });
  it('keeps a one-word place after a comma with its entry instead of joining the next line', () => {
    const a = attendees('Beslutande\nAndreas Kissner (KD), Ovanåker\nMagnus Flyckt (S), Söderhamns kommun');
    expect(a.map((x) => [x.name, x.organization])).toEqual([['Andreas Kissner', 'Ovanåker'], ['Magnus Flyckt', 'Söderhamns kommun']]);
  });

  it('reads a table under column headings ("Namn\tParti\tErsätter")', () => {
    const a = attendees('Närvarande ledamöter\n\nNamn\tParti\nKjell Öberg, ordförande\tC\nRoger Isaksson\tM\n\nTjänstgörande ersättare\n\nNamn\tParti\tErsätter\nHanna Björklund\tL\tOlof Strömberg (L)');
    expect(a.map((x) => [x.name, x.party, x.role, x.replaces])).toEqual([
      ['Kjell Öberg', 'C', 'ordförande', null], ['Roger Isaksson', 'M', null, null], ['Hanna Björklund', 'L', 'tjänstgörande ersättare', 'Olof Strömberg'],
    ]);
  });
  it('keeps two people set side by side under one label apart', () => {
    const a = attendees('Närvarande\nGunnar Ekelund (M), Västra Götalandsregionen\tTherese Lindvall (S), Västra Götalandsregionen');
    expect(a.map((x) => [x.name, x.organization])).toEqual([['Gunnar Ekelund', 'Västra Götalandsregionen'], ['Therese Lindvall', 'Västra Götalandsregionen']]);
  });

  it('follows running text that lists people over several lines to its full stop', () => {
    const a = attendees(`
      Närvarande: Herr ordföranden Nils Andersson, ledamöterna Karl-Erik
      Johansson, Gustav Lindberg och Algot Berg samt suppleanterna Bertil Holm, tjänstgörande i stället
      för Ivar Nordström, och Gunnar Ek.

      Dessutom närvarande: Kommunalkamrer Olle Sjöberg.
      Justeringsmän: Gustav Lindberg och Algot Berg.
    `);
    expect(a.map((x) => [x.name, x.group, x.role])).toEqual([
      ['Nils Andersson', 'närvarande', 'ordförande'], ['Karl-Erik Johansson', 'närvarande', null], ['Gustav Lindberg', 'närvarande', 'justerare'],
      ['Algot Berg', 'närvarande', 'justerare'], ['Bertil Holm', 'närvarande', null], ['Gunnar Ek', 'närvarande', null], ['Olle Sjöberg', 'övriga', null],
    ]);
    expect(a[4]!.replaces).toBe('Ivar Nordström');
  });

  it('reads "Ledamöter\tErsättare" as two groups side by side, not as a table of one person\'s fields', () => {
    const a = attendees('Beslutande\nLedamöter\tErsättare\nEva Ek (S), ordförande\tJohan Vik (S)\nGunnar Is (C)\tLinnea Holm (C)\nPatrik Sand (S) ersätter Sofia Lind (S)');
    expect(a.map((x) => [x.name, x.group])).toEqual([['Eva Ek', 'beslutande'], ['Gunnar Is', 'beslutande'], ['Patrik Sand', 'beslutande'], ['Johan Vik', 'ersättare'], ['Linnea Holm', 'ersättare']]);
  });

  it('stops joining wrapped lines where the layout says the line ended, even after "kommun Name" inside a joined line', () => {
    const ctx = contextOf('Beslutande\nJonatan Hölzgen (SD), Bollnäs kommun\nCaroline Schmidt (C), Hudiksvalls kommun\nAndreas Kissner (KD), Ovanåker\nMagnus Flyckt (S), Söderhamns kommun');
    ctx.lines[1]!.wrapped = true;
    ctx.lines[2]!.wrapped = true;
    expect(findAttendees(ctx, ctx.lines.length).map((a) => a.name)).toEqual(['Jonatan Hölzgen', 'Caroline Schmidt', 'Andreas Kissner', 'Magnus Flyckt']);
  });

  it('reads people listed after the municipality that sent them ("Kungälv: Anna Ek (S), Per Lund (M)")', () => {
    const a = attendees('Närvarande ombud\nKungälv: Anna Ek (S), Per Lund (M)\nTjörn: Ulla Berg (S) ersättare för Lisa Ohl (S)\n\nÖvriga närvarande\nCamilla Sund, förbundsdirektör');
    expect(a.map((x) => [x.name, x.organization, x.group])).toEqual([
      ['Anna Ek', 'Kungälv', 'närvarande'], ['Per Lund', 'Kungälv', 'närvarande'], ['Ulla Berg', 'Tjörn', 'närvarande'], ['Camilla Sund', null, 'övriga'],
    ]);
    expect(a[2]!.replaces).toBe('Lisa Ohl');
  });

  it('reads a label wrapped in its narrow column ("Ej tjänstgörande" over "ersättare")', () => {
    const a = attendees('Ej tjänstgörande\tLina Forsberg (S), Kenneth Ahl (S),\nersättare\tPatrik Öhman (SD)\n\nÖvriga närvarande\tMaria Wester, kommundirektör');
    expect(a.map((x) => [x.name, x.group])).toEqual([['Lina Forsberg', 'ersättare'], ['Kenneth Ahl', 'ersättare'], ['Patrik Öhman', 'ersättare'], ['Maria Wester', 'övriga']]);
  });
});

describe('rows of one person with fields in columns', () => {
  it('reads the cells beside a name as that person\'s fields', () => {
    const a = attendees('Närvarande ledamöter\nEva Sjöö (S), ordförande     kommunstyrelsen\nPer Lind                     PRO Vikby\nAnna Höök (M)                omsorgsnämnden');
    expect(a.map((x) => [x.name, x.organization])).toEqual([['Eva Sjöö', 'kommunstyrelsen'], ['Per Lind', 'PRO Vikby'], ['Anna Höök', 'omsorgsnämnden']]);
  });
});

describe('notes wrapped in narrow columns', () => {
  it('joins a note cut where it cannot end, also over the blank line a copy left, and a range broken at its dash', () => {
    const a = attendees('Övriga\nAnna Lind, rösträknare §§ 4-\n6\nPer Ek, rösträknare §§\n\n4-6\nLeif Berg (KB) §2 - del av §6\nklockan 11.45\nEva Sand (V)');
    expect(a.map((x) => [x.name, x.title, x.note])).toEqual([
      ['Anna Lind', 'rösträknare', '§§ 4-6'], ['Per Ek', 'rösträknare', '§§ 4-6'], ['Leif Berg', null, '§2 - del av §6 klockan 11.45'], ['Eva Sand', null, null],
    ]);
  });
});

describe('two columns run together by a text extractor', () => {
  it('gives one person per label where a row holds one per column, and joins a role wrapped onto its own line', () => {
    const a = attendees('Beslutande    Ledamöter                     Tjänstgörande ersättare\nEva Lund (M), Ordförande Ali Raza (S) ersätter Per Ek (S)\nOla Berg (C), 2:e vice\nordförande\nKim Ahl (M)');
    expect(a.map((x) => [x.name, x.group, x.role, x.replaces])).toEqual([
      ['Eva Lund', 'beslutande', 'ordförande', null], ['Ali Raza', 'beslutande', 'tjänstgörande ersättare', 'Per Ek'],
      ['Ola Berg', 'beslutande', '2:e vice ordförande', null], ['Kim Ahl', 'beslutande', null, null],
    ]);
  });
});

describe('tables and labels of real lists', () => {
  it('reads a table headed by a group, its notes wrapped in their column, and a party in a column of its own', () => {
    const a = attendees([
      'Beslutande ledamöter                   Parti    Anmärkning',
      'Eva Lund, ordförande                   M',
      'Sofia Berg                             KD       §§ 4–6,',
      '                                                kl. 09.30–12.00',
      'Ola Ek                                 S',
      '',
      'Tjänstgörande ersättare',
      'Ali Raza, för Bo Sund (S)              S',
      '',
      'Ej beslutande',
      'Jan Modig, ersättare                   M',
    ].join('\n'));
    expect(a.map((x) => [x.name, x.party, x.group, x.replaces, x.note])).toEqual([
      ['Eva Lund', 'M', 'beslutande', null, null], ['Sofia Berg', 'KD', 'beslutande', null, '§§ 4–6, kl. 09.30–12.00'], ['Ola Ek', 'S', 'beslutande', null, null],
      ['Ali Raza', 'S', 'beslutande', 'Bo Sund', null], ['Jan Modig', 'M', 'ersättare', null, null],
    ]);
  });
  it('reads a label wrapped in its column where one space sets it off from the first name, and a pointer as no one', () => {
    const r = segmentText('Beslutande       Se nästa sida\n\nEj tjänstgörande Kim Alm (M)\nersättare        Ida Berg (S)\n\n§ 1 Öppnande\nText.');
    expect(r.attendees.map((x) => [x.name, x.group])).toEqual([['Kim Alm', 'ersättare'], ['Ida Berg', 'ersättare']]);
    expect(r.warnings.filter((w) => w.code === 'attendee-unparsed')).toEqual([]);
  });
});

describe('people with the paragraphs they were there for', () => {
  it('reads "Name ärende 13" as an entry and splits two columns run into one line after such a note', () => {
    const r = segmentText('Övriga närvarande\nFanny Nilsson (EY) ärende 1-20 Christina Hermansson ärende 13, 15\nEmelie Andersson ärende 13\nMikaela Gretzer (EY) ärende 15-19\n\n§ 1 Öppnande\nMötet öppnas.');
    expect(r.attendees.map((a) => [a.name, a.organization ?? a.party, a.note])).toEqual([
      ['Fanny Nilsson', 'EY', 'ärende 1-20'], ['Christina Hermansson', null, 'ärende 13, 15'], ['Emelie Andersson', null, 'ärende 13'], ['Mikaela Gretzer', 'EY', 'ärende 15-19'],
    ]);
  });
});

describe('OCR specks around names', () => {
  it('reads names with a speck before them, a colon inside them and a dot after the party', () => {
    const r = segmentText('Beslutande\nMagdalena Sundqvist (S), 2:e vice\nordförande\n. Emanuel Forsell (M)\nStefan: Jägnert (SD)\n. "Fredrik Kollberg (KD)\nPatrik Jervne Henestam: (V)\nMaria Losman (MP.)\n\n§ 1 Öppnande\nMötet öppnas.');
    expect(r.attendees.map((a) => [a.name, a.party])).toEqual([
      ['Magdalena Sundqvist', 'S'], ['Emanuel Forsell', 'M'], ['Stefan Jägnert', 'SD'], ['Fredrik Kollberg', 'KD'], ['Patrik Jervne Henestam', 'V'], ['Maria Losman', 'MP'],
    ]);
  });
});

describe('a scanned attendee block', () => {
  it('reads a label after a speck, its sub-heading in the next cell, and a role wrapped after a comma; no header field takes its people', () => {
    const r = segmentText('Plats och tid för Kungsbackarummet, Storgatan 37 Klockan 08:30--\nsammanträde\n3 Beslutande\tLedamöter\tLisa Andersson (M),\nOrdförande\nFredrik Hansson (C)\nEmanuel Forsell (M)\n\n§ 1 Öppnande\nMötet öppnas.');
    expect(r.attendees.map((a) => [a.name, a.group, a.role])).toEqual([
      ['Lisa Andersson', 'beslutande', 'ordförande'], ['Fredrik Hansson', 'beslutande', null], ['Emanuel Forsell', 'beslutande', null],
    ]);
    expect(r.document.location).toBe('Kungsbackarummet, Storgatan 37');
  });
});
