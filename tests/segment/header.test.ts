import { describe, expect, it } from 'vitest';
import { locationFrom } from '../../src/segment/header.js';
import { segmentText } from '../helpers.js';

describe('header', () => {
  it('reads organisation, title, body and organisation number around a document-type line', () => {
    const d = segmentText(`
      Hälsingerådet
      SAMMANTRÄDESPROTOKOLL
      Styrelsen Kommunsamverkan ek för
      769602-5290
      Tid och plats

      Orbaden den 24 januari 2024 kl 09:00-15:00

      Paragrafer

      §§ 784-796

      §784 Mötets öppnande
      Ordföranden öppnade mötet.
    `).document;
    expect(d).toMatchObject({
      kind: 'protokoll', title: 'SAMMANTRÄDESPROTOKOLL', organization: 'Hälsingerådet', body: 'Styrelsen Kommunsamverkan ek för',
      orgNumber: '769602-5290', date: '2024-01-24', dateText: '24 januari 2024', startTime: '09:00', endTime: '15:00', location: 'Orbaden',
      paragraphs: { from: 784, to: 796 },
    });
  });
  it('reads protocol number, title with organisation and a "Tid och plats:" line', () => {
    const d = segmentText(`
      Protokoll nr 9 2025

      Kommundirektörsmöte i Familjen Helsingborg

      Tid och plats: Den 12 december 2025 08.30-12:00 på Mindpark, Bredgatan 11, Helsingborg.
      Mötesrum Penthouse och via Teams

      Närvarande:
      Jonas Jonsson, Båstad
    `).document;
    expect(d).toMatchObject({
      kind: 'protokoll', protocolNumber: '9', title: 'Kommundirektörsmöte i Familjen Helsingborg', organization: 'Familjen Helsingborg',
      date: '2025-12-12', startTime: '08:30', endTime: '12:00', location: 'Mindpark, Bredgatan 11, Helsingborg',
    });
  });
  it('gives no date when the year is not written, and warns', () => {
    const r = segmentText('Kommun- och regionledningsforum\nPlats och tid\tHelsingborg, Elite Hotel Marina Plaza, 21 augusti, kl. 12,00, till 22 augusti, kl. 13.00\nNärvarande\nAnna Ek (S)');
    expect(r.document).toMatchObject({ date: null, dateText: '21 augusti', startTime: '12:00', endTime: '13:00', location: 'Helsingborg, Elite Hotel Marina Plaza' });
    expect(r.warnings.map((w) => w.code)).toContain('date-without-year');
  });
  it('takes the place from around the date and time', () => {
    expect(locationFrom('Kommunhuset, Sessionssalen, tisdag 3 mars 2020 kl. 13.00–16.30')).toBe('Kommunhuset, Sessionssalen');
    expect(locationFrom('2020-03-03 kl. 13.00 i lokal Ängen')).toBe('Ängen');
  });
  it('marks text that is not minutes as unknown, with a warning and nothing invented', () => {
    const r = segmentText('It was a bright cold day in April, and the clocks were striking thirteen.\nWinston Smith, his chin nuzzled into his breast, slipped quickly through the glass doors.');
    expect(r.document.kind).toBe('unknown');
    expect(r.document.date).toBeNull();
    expect(r.attendees).toEqual([]);
    expect(r.items).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('not-minutes');
  });

  it('takes the municipality above a body\'s name as the organisation, the body as the body', () => {
    const r = segmentText('ÖSTERVIK KOMMUN\t1 (3)\nKommunfullmäktiges demokratiberedning\n\nMINNESANTECKNINGAR\n\nNärvarande: Anna Lind (S) och Per Öst (M)\n\n§ 1 Öppnande\nText.');
    expect(r.document).toMatchObject({ title: 'MINNESANTECKNINGAR', organization: 'ÖSTERVIK KOMMUN', body: 'Kommunfullmäktiges demokratiberedning' });
  });

  it('takes the name above a group\'s name as the organisation ("Samverkansråd Kust" / "Ledningsgruppen")', () => {
    const r = segmentText('Samverkansråd Kust\nLedningsgruppen\n\nMINNESANTECKNINGAR\n\nDeltagare:\nBjörn Ek, kommundirektör\n\n1. Öppnande\nText.\n\n2. Avslut\nText.');
    expect(r.document).toMatchObject({ organization: 'Samverkansråd Kust', body: 'Ledningsgruppen' });
  });

  it('reads "Protokoll fört vid …" as the title and the company above its org number as the organisation', () => {
    const r = segmentText('Norrvatten Kommunalt AB\nOrg.nr 556123-4567\n\nProtokoll fört vid styrelsesammanträde\nProtokoll nr 6/2021\n\nNärvarande styrelseledamöter\nErik Lund, ordförande\tMaria Holm\n\n§ 1 Öppnande\nText.');
    expect(r.document).toMatchObject({ title: 'Protokoll fört vid styrelsesammanträde', organization: 'Norrvatten Kommunalt AB', orgNumber: '556123-4567', protocolNumber: '6' });
    expect(r.attendees.map((a) => [a.name, a.group])).toEqual([['Erik Lund', 'beslutande'], ['Maria Holm', 'beslutande']]);
  });
  it('reads the place from the opening sentence and the end time from the closing one, as older minutes give them', () => {
    const r = segmentText('PROTOKOLL\n\nfört vid sammanträde med kommunalnämnden\nmåndagen den 18 mars 1974 kl. 19.00 i kommunalhuset i Skogsby.\n\nNärvarande: ledamöterna Karl Berg och Per Ek.\n\n§ 12. Val av justeringsmän.\nText.\n\nOrdföranden förklarade sammanträdet\navslutat kl. 21.45.');
    expect(r.document).toMatchObject({ date: '1974-03-18', startTime: '19:00', endTime: '21:45', location: 'kommunalhuset i Skogsby' });
  });

  it('joins a name a logo prints over its kind ("TALLÅSA" / "KOMMUN")', () => {
    const r = segmentText('TALLÅSA\nKOMMUN\n\nSammanträdesprotokoll\nValnämnden\n\nBeslutande\nAnna Ek (S)\n\n§ 19 Öppnande\nText.');
    expect(r.document).toMatchObject({ title: 'Sammanträdesprotokoll', organization: 'TALLÅSA KOMMUN', body: 'Valnämnden' });
  });
});
