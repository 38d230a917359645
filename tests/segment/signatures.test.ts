import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

describe('signatures', () => {
  it('reads digital signature blocks', () => {
    const s = segmentText(`
      Underskrift 1

      Namn: Mikael Johansson

      Befattning: Tf Sekretariatschef

      Datum och tid: 2025-12-15 09:52:53 GMT+01:00
      Transaktions-ID: 26714e686aeb4f52991a8407d19fd9ae

      Underskrift 2

      Namn: HERMAN CRESPIN
      Befattning: Ordförande
    `).signatures;
    expect(s).toEqual([
      { role: null, name: 'Mikael Johansson', date: '2025-12-15', method: 'digital', source: { page: 1, line: 3, box: null } },
      { role: 'ordförande', name: 'HERMAN CRESPIN', date: null, method: 'digital', source: { page: 1, line: 12, box: null } },
    ]);
  });
  it('reads "Name, role, enligt digital underskrift" and gives attendees their role', () => {
    const r = segmentText('Beslutande\nKristina Westhed (S), Ale\n\nKristina Westhed, sekreterare, enligt digital underskrift\n\n§1 Öppnande\nText.');
    expect(r.signatures).toEqual([{ role: 'sekreterare', name: 'Kristina Westhed', date: null, method: 'digital', source: { page: 1, line: 4, box: null } }]);
    expect(r.attendees[0]!.role).toBe('sekreterare');
  });
  it('reads handwritten signature lines under role labels, side by side too', () => {
    const r = segmentText('§1 Öppnande\nText.\n\nAntecknat av\n\nGunnel Rydberg, Förbundssekreterare\n\nOrdförande\tJusterare\n..........\t..........\nAnna Ek\tPer Holm');
    expect(r.signatures.map((s) => [s.role, s.name, s.method])).toEqual([
      // "Antecknat av" says who wrote the notes, not how they signed: the method is not stated (issue 13 point 15).
      ['sekreterare', 'Gunnel Rydberg', null], ['ordförande', 'Anna Ek', 'handwritten'], ['justerare', 'Per Holm', 'handwritten'],
    ]);
    expect(r.items[0]!.body).toBe('Text.');
  });
  it('does not read the initials box on every page as signatures', () => {
    expect(segmentText('Ordförande\n\nJusterande\n\nUtdragsbestyrkande').signatures).toEqual([]);
  });

  it('gives one label over several names each of them that role, in columns set with spaces', () => {
    const s = segmentText(`
      Vid protokollet

      .........................................
      Anna-Lisa Nordin

      Justeras

      .........................................     .........................................
      Karl Svensson                                  Birgitta Lund
    `).signatures;
    expect(s.map((x) => [x.role, x.name])).toEqual([['sekreterare', 'Anna-Lisa Nordin'], ['justerare', 'Karl Svensson'], ['justerare', 'Birgitta Lund']]);
  });
  it('reads a signature box whose row also holds "Paragrafer" and the paragraph range', () => {
    const s = segmentText('Underskrifter\tSekreterare\t..........\tParagrafer\t§§ 45–57\n\tJosefin Lund').signatures;
    expect(s.map((x) => [x.role, x.name])).toEqual([['sekreterare', 'Josefin Lund']]);
    const bare = segmentText('Underskrifter\tSekreterare\t..........\tParagrafer\t1–10\n\tPetra Nordin').signatures;
    expect(bare.map((x) => [x.role, x.name])).toEqual([['sekreterare', 'Petra Nordin']]);
  });

  it('reads labels and names on lines of their own under "Underskrifter" as signatures, not attendee roles', () => {
    const r = segmentText('Beslutande\nAnna Ek (S), ordförande\nPer Lund (M)\n\nUnderskrifter\nSekreterare\nParagrafer\n§§ 8–14\nJohanna Berg\nOrdförande\nAnna Ek\nJusterande\nPer Lund\n\n§ 8 Budget\nText.');
    expect(r.signatures.map((x) => [x.role, x.name])).toEqual([['sekreterare', 'Johanna Berg'], ['ordförande', 'Anna Ek'], ['justerare', 'Per Lund']]);
    expect(r.attendees.map((a) => [a.name, a.role])).toEqual([['Anna Ek', 'ordförande'], ['Per Lund', 'justerare']]);
  });

  it('reads a label and a name on one line ("Antecknat av: Lena Sjögren")', () => {
    expect(segmentText('1. Öppnande\nText.\n\n2. Nästa möte\nDen 16 november.\n\nAntecknat av: Lena Sjögren').signatures.map((x) => [x.role, x.name]))
      .toEqual([['sekreterare', 'Lena Sjögren']]);
  });

  it('reads the signature box when "Underskrifter" shares its row with the first label', () => {
    const r = segmentText('Beslutande\nAnna Ek (S), ordförande\n\nUnderskrifter\tSekreterare\tParagrafer § 19–27\n\tHenrik Dahl\n\n\tOrdförande\n\tAnna Ek\n\n\tJusterare\n\tBo Holm\n\n§ 19 Öppnande\nText.');
    expect(r.signatures.map((x) => [x.role, x.name])).toEqual([['sekreterare', 'Henrik Dahl'], ['ordförande', 'Anna Ek'], ['justerare', 'Bo Holm']]);
  });

  it('keeps one signature for a person signing in the same role on the signature page and in the e-signing record', () => {
    const s = segmentText('1. Öppnande\nText.\n\n2. Avslut\nText.\n\nSekreterare\nElin Carlsson\n\nDetta dokument har signerats digitalt\n\nNamn: Elin Carlsson\nRoll: Sekreterare').signatures;
    expect(s.map((x) => [x.role, x.name, x.method])).toEqual([['sekreterare', 'Elin Carlsson', 'digital']]);
  });
});

describe('signer lines on the front page', () => {
  it('reads role and names after a justering cue, parted by a colon, a column gap or one space', () => {
    const r = segmentText([
      'Plats och tid för justering\tDigital justering', '',
      'Sekreterare\tJonas Berg\tParagrafer §§ 40-46', '',
      'Ordförande Karin Sjö (C)', '',
      'Protokolljusterare Ali Hassan', '',
      'ANSLAG/BEVIS', '', '§ 40 Öppnande', 'Text.',
    ].join('\n'));
    expect(r.signatures.map((s) => [s.role, s.name, s.method])).toEqual([['sekreterare', 'Jonas Berg', 'digital'], ['ordförande', 'Karin Sjö', 'digital'], ['justerare', 'Ali Hassan', 'digital']]);
  });
  it('reads two justerare on one line, and "Protokollet har justerats av:" as the cue', () => {
    const r = segmentText('Protokollet har justerats av:\nSekreterare: Eva Strand\nJusterande: Per Ek och Lisa Holm\n\n§ 1 Öppnande\nText.');
    expect(r.signatures.map((s) => [s.role, s.name])).toEqual([['sekreterare', 'Eva Strand'], ['justerare', 'Per Ek'], ['justerare', 'Lisa Holm']]);
  });
  it('does not take a notice that the protocol was signed digitally for a signing page running to the end', () => {
    const r = segmentText('Protokollet har justerats digitalt\n\nBeslutande\nAnna Ek (S)\nBo Lund (M)\n\n§ 1 Öppnande\nText.');
    expect(r.attendees.map((a) => a.name)).toEqual(['Anna Ek', 'Bo Lund']);
    expect(r.items).toHaveLength(1);
  });
});

describe('e-signing records', () => {
  it('reads names followed by the record\'s fields and merges them with the signer lines', () => {
    const r = segmentText([
      'Justering: Digital', 'Ordförande: Marie Lund', 'Justerare: Jan Berg', '', '§ 1 Öppnande', 'Text.',
      '\fUndertecknat av följande personer', '', 'MARIE LUND', 'Datum: 2025-02-03 10:11:12', 'Transaktionsidentitet: ABC123', '',
      'Jan Erik Berg', 'Datum: 2025-02-04 08:00:01', 'Transaktionsidentitet: DEF456',
    ].join('\n'));
    expect(r.signatures.map((s) => [s.role, s.name, s.method, s.date])).toEqual([['ordförande', 'Marie Lund', 'digital', '2025-02-03'], ['justerare', 'Jan Berg', 'digital', '2025-02-04']]);
    expect(r.items[0]!.body).toBe('Text.');
  });

  it('gives a signature the method handwritten only where the document shows a line to sign on or says so (issue 13 point 15)', () => {
    const methods = (text: string) => segmentText(text).signatures.map((x) => [x.name, x.method]);
    expect(methods('§1 Öppnande\nText.\n\nAntecknat av: Lena Sjögren')).toEqual([['Lena Sjögren', null]]);
    expect(methods('§1 Öppnande\nText.\n\nJusteras\n\nMats Öberg')).toEqual([['Mats Öberg', null]]);
    expect(methods('§1 Öppnande\nText.\n\nJusteras\n\n______________________\nMats Öberg')).toEqual([['Mats Öberg', 'handwritten']]);
    expect(methods('§1 Öppnande\nText.\n\nUnderskrifter\nOrdförande\nAnna Ek')).toEqual([['Anna Ek', 'handwritten']]);
  });
});
