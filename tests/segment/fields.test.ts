import { describe, expect, it } from 'vitest';
import { paragraphRange } from '../../src/segment/header.js';
import { segmentText } from '../helpers.js';

const header = (text: string) => segmentText(`${text}\n\n§ 3 Öppnande\nText.`).document;

describe('front-matter fields in space-aligned layouts', () => {
  it('gives stacked labels the values that follow in the value column', () => {
    const d = header([
      'NÄMNDEN                                            PROTOKOLL',
      'Plats:                                             Sida 1 av 4',
      'Tid:',
      '',
      '                        Stadshuset, rum Lyran',
      '',
      '                        2025-03-04, klockan 13:00-15:30',
      '',
      'Justering:',
      'Paragraf:               Digital justering, 2025-03-10',
      '',
      '                        § 3-§ 9',
    ].join('\n'));
    expect(d).toMatchObject({ location: 'Stadshuset, rum Lyran', date: '2025-03-04', startTime: '13:00', endTime: '15:30', paragraphs: { from: 3, to: 9 } });
  });
  it('reads a label wrapped around its value, and not the place of justering', () => {
    const d = header('Plats och tid för Sessionssalen, Rådhuset Klockan 09.00–11.45\nsammanträde\n\nPlats och tid för justering Digital justering\n\nDatum\n2024-10-01');
    expect(d).toMatchObject({ location: 'Sessionssalen, Rådhuset', startTime: '09:00', endTime: '11:45', date: '2024-10-01' });
  });
  it('reads a paragraph range printed above its label, and two pairs on one row', () => {
    expect(header('Sekreterare   Ola Berg                 §§ 12-17\nParagrafer').paragraphs).toEqual({ from: 12, to: 17 });
    expect(header('Sekreterare   Ola Berg                 Paragrafer §§ 12-17').paragraphs).toEqual({ from: 12, to: 17 });
    expect(header('Plats och tid   Rådhuset kl. 10.00    Paragrafer §§ 12-17').location).toBe('Rådhuset');
  });
  it('reads a one-§ protocol as a range of one, and never a date as a range', () => {
    expect(paragraphRange('§ 14')).toEqual({ from: 14, to: 14 });
    expect(paragraphRange('Paragraf 14'.replace('Paragraf ', ''))).toEqual({ from: 14, to: 14 });
    expect(paragraphRange('§1-§11')).toEqual({ from: 1, to: 11 });
    expect(paragraphRange('2026-05-07')).toBeNull();
  });
  it('does not take the date of justering or of the notice for the meeting date', () => {
    const d = header('Justeringens plats och tid   Kansliet 2024-03-12\nAnslaget sätts upp   2024-03-13\nSammanträdesdatum   2024-03-05');
    expect(d.date).toBe('2024-03-05');
  });
});

describe('organisation and body', () => {
  it('takes a body printed where the organisation would stand for the body, and the municipality from where the protocol is kept', () => {
    const d = header('KOMMUNFULLMÄKTIGE                      SAMMANTRÄDESPROTOKOLL\n\nPlats: Rådhuset\n\nProtokollets förvaringsplats: Vikby kommun');
    expect(d).toMatchObject({ body: 'KOMMUNFULLMÄKTIGE', organization: 'Vikby kommun' });
  });
  it('reads the municipality from the place, in its base form', () => {
    expect(header('SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\n\nPlats: Norrby kommuns sessionssal').organization).toBe('Norrby kommun');
    expect(header('Protokoll\nSocialnämnden\n\nPlats och tid: Kommunhuset, Ekby kommun, kl. 13.00').organization).toBe('Ekby kommun');
  });
  it('keeps an organisation whose name ends in "rådet" as the organisation', () => {
    expect(header('Sjörådet\nSAMMANTRÄDESPROTOKOLL\nStyrelsen').organization).toBe('Sjörådet');
  });
});
