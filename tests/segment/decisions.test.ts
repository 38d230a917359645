import { describe, expect, it } from 'vitest';
import { readDecisions, readReservations, readVotes } from '../../src/segment/decisions.js';
import { linesOf } from '../helpers.js';

const decisions = (text: string) => readDecisions(linesOf(text)).map((d) => d.text);

describe('decisions', () => {
  it('reads one decision per "att" clause under "Beslut", joining wrapped lines', () => {
    expect(decisions(`
      Beslut

      att Marie Appelqvist ska kartlägga arbetet som pågår idag, och
      hur delarna förhåller sig till varandra.

      Att sekretariatschefen informerar gruppen.
    `)).toEqual(['att Marie Appelqvist ska kartlägga arbetet som pågår idag, och hur delarna förhåller sig till varandra.', 'Att sekretariatschefen informerar gruppen.']);
  });
  it('recognises decision headings of different bodies', () => {
    for (const h of ['Mötet beslutar', 'Styrelsen beslutar', 'Kommunfullmäktige beslutar:', 'Förslag till beslut', 'Kommunstyrelsens beslut', 'Regionstyrelsens beslut',
      'Miljö- och byggnadsnämndens beslut', 'Demokratiberedningens beslut']) {
      expect(decisions(`${h}\natt godkänna rapporten.`), h).toEqual(['att godkänna rapporten.']);
    }
  });
  it('keeps a clause and its list of points as one decision and stops at the next section', () => {
    expect(decisions(`
      Beslut

      Att utvecklingskontoret ska fokusera på följande områden:

      - kompetensförsörjning
      - miljö, energi och klimat

      Bakgrund till framtagande av bevakningsområden:

      Text om bakgrunden.
    `)).toEqual(['Att utvecklingskontoret ska fokusera på följande områden:\n- kompetensförsörjning\n- miljö, energi och klimat']);
  });
  it('reads numbered points, and plain paragraphs when there are no clauses', () => {
    expect(decisions('Beslut\n1. Rapporten godkänns.\n2. Ärendet återremitteras.')).toEqual(['Rapporten godkänns.', 'Ärendet återremitteras.']);
    expect(decisions('Beslut\n\nDagordningen godkändes.')).toEqual(['Dagordningen godkändes.']);
  });
  it('strips emphasis marks around clauses', () => {
    expect(decisions('Beslut\n\n*Att redovisat förslag fastställs.\nAtt beslut tas senare*')).toEqual(['Att redovisat förslag fastställs.', 'Att beslut tas senare']);
  });
  it('reads "X beslutar att" in running text when there is no heading, and nothing from plain reports', () => {
    expect(decisions('Kommunstyrelsen beslutar att anta planen.')).toEqual(['Kommunstyrelsen beslutar att anta planen.']);
    expect(decisions('Ordförande tackade för informationen.')).toEqual([]);
  });
});

describe('votes and reservations', () => {
  it('reads yes/no counts, abstentions and the outcome', () => {
    const [v] = readVotes(linesOf('Omröstning begärs och genomförs. Med 25 ja-röster mot 20 nej-röster och 2 som avstår bifaller fullmäktige förslaget.'));
    expect(v).toMatchObject({ yes: 25, no: 20, abstain: 2, outcome: 'bifall' });
    const [w] = readVotes(linesOf('Votering: Ja 7 – Nej 7. Ordförandens utslagsröst avgör.'));
    expect(w).toMatchObject({ yes: 7, no: 7, outcome: 'ordförandens utslagsröst' });
  });
  it('reads who reserves themselves', () => {
    expect(readReservations(linesOf('Anna Ek (V) och Per Holm (V) reserverar sig mot beslutet.'))).toEqual(['Anna Ek (V)', 'Per Holm (V)']);
    expect(readReservations(linesOf('Mot beslutet reserverar sig Lena Sjö (M) till förmån för eget yrkande.'))).toEqual(['Lena Sjö (M)']);
    expect(readReservations(linesOf('Inga reservationer.'))).toEqual([]);
  });

  it('reads the impersonal form of older minutes: "Beslöts att", "Beslutades att"', () => {
    expect(decisions('Beslöts att lägga meddelandena till handlingarna.')).toEqual(['Beslöts att lägga meddelandena till handlingarna.']);
    expect(decisions('Det beslutades att bevilja bidraget.')).toEqual(['Det beslutades att bevilja bidraget.']);
  });
  it('starts a new decision where a line opens with the decision formula again after a finished sentence', () => {
    expect(decisions('Beslut\nNämnden beslutar att förelägga ägaren att städa tomten.\nNämnden beslutar att föreläggandet förenas med ett vite om 25 000 kronor.'))
      .toEqual(['Nämnden beslutar att förelägga ägaren att städa tomten.', 'Nämnden beslutar att föreläggandet förenas med ett vite om 25 000 kronor.']);
  });
  it('does not count "samtliga (S)" as one of those who reserve themselves', () => {
    expect(readReservations(linesOf('Jonas Vikström, Kent Johansson och Said Hassan, samtliga (S), reserverar sig mot beslutet.')))
      .toEqual(['Jonas Vikström', 'Kent Johansson', 'Said Hassan']);
  });
  it('reads a clause whose bullet OCR turned into stray marks', () => {
    expect(decisions('Beslut\n+» Att redovisat förslag av budget fastställs.\nAtt beslut om verksamhetsplan tas senare.'))
      .toEqual(['Att redovisat förslag av budget fastställs.', 'Att beslut om verksamhetsplan tas senare.']);
  });

  it('reads each bullet under "Beslut:" as a decision, up to an "Åtgärd:" line', () => {
    expect(decisions('Beslut:\n- Ledningsgruppen ställer sig bakom att utreda en gemensam funktion.\n- Frågan om finansiering lyfts till styrgruppen.\nÅtgärd: Jesper Alm tar fram underlag.'))
      .toEqual(['Ledningsgruppen ställer sig bakom att utreda en gemensam funktion.', 'Frågan om finansiering lyfts till styrgruppen.']);
  });
  it('reads "Ja-röster: 9, Nej-röster: 6" and the older count per motion', () => {
    expect(readVotes(linesOf('Ja-röster: 9, Nej-röster: 6. Regionstyrelsen har således beslutat enligt ordförandens yrkande.')).map((v) => [v.yes, v.no])).toEqual([[9, 6]]);
    expect(readVotes(linesOf('Votering verkställdes, varvid 5 röster avgåvos för ordförandens yrkande och\n2 röster för Sven Perssons yrkande.')).map((v) => [v.yes, v.no])).toEqual([[5, 2]]);
  });

  it('reads "Kommunalnämnden beslöt" over "att" clauses and "beslutade i enlighet med förslaget"', () => {
    expect(decisions('Kommunalnämnden beslöt\n\natt tillstyrka försäljningen,\n\natt köparen svarar för kostnaderna.')).toEqual(['att tillstyrka försäljningen,', 'att köparen svarar för kostnaderna.']);
    expect(decisions('Styrelsen beslutade i enlighet med förslaget.')).toEqual(['Styrelsen beslutade i enlighet med förslaget.']);
    expect(decisions('Kommunalnämnden beslöt således att tillstyrka ändringen.')).toEqual(['Kommunalnämnden beslöt således att tillstyrka ändringen.']);
  });

  it('reads points under an opening line as decisions, and leaves the proposal\'s own opening line with the proposal', () => {
    expect(decisions('Beslut\nTekniska nämnden föreslår kommunfullmäktige besluta att\n• anta taxan enligt bilaga 1\n• taxan ska gälla från 2019.'))
      .toEqual(['anta taxan enligt bilaga 1', 'taxan ska gälla från 2019.']);
    expect(decisions('Förslag till beslut\nTekniska nämnden beslutar att\n• avslå förslaget\n• utreda frågan.\n\nBeslut\nTekniska nämnden beslutar att\n• avslå förslaget\n• utreda frågan.\n\nBeslutet ska skickas till\nAkten'))
      .toEqual(['avslå förslaget', 'utreda frågan.']);
  });

  it('reads a vote told as "7 kommuner röstade ja och 2 röstade nej"', () => {
    expect(readVotes(linesOf('Efter diskussion begärdes votering. Ja-röster\nför bifall till motionen: 10. Nej-röster: 6.')).map((v) => [v.yes, v.no])).toEqual([[10, 6]]);
    expect(readVotes(linesOf('Fyra ledamöter röstade för ordförandens yrkande och en ledamot för Peter Lindfors yrkande.')).map((v) => [v.yes, v.no])).toEqual([[4, 1]]);
    expect(readVotes(linesOf('Åtta röster avgavs för förslaget och två röster för återremiss.')).map((v) => [v.yes, v.no])).toEqual([[8, 2]]);
    expect(readVotes(linesOf('Sex röster avgavs för förslaget och tre röster för återremiss.')).map((v) => [v.yes, v.no])).toEqual([[6, 3]]);
    expect(readVotes(linesOf('Ja, det beslutades att 3 ärenden bordläggs. Nej till nya lokaler 2025.'))).toEqual([]);
    expect(readVotes(linesOf('Vid omröstning röstade 7 kommuner ja och 2 nej.\n\n7 kommuner röstade ja och 2 röstade nej.')).map((v) => [v.yes, v.no])).toEqual([[7, 2]]);
  });
});

describe('decision sections', () => {
  it('ends a paragraph where a sentence ends a line and the next opens with a capital, but not at a page\'s blank line before lower case', () => {
    expect(decisions('Beslut\n\nNämnden godkänner avtalet med Bygg AB.\nOrdföranden får i uppdrag att underteckna avtalet för\n\nnämndens räkning.\nParagrafen justeras omedelbart.'))
      .toEqual(['Nämnden godkänner avtalet med Bygg AB.', 'Ordföranden får i uppdrag att underteckna avtalet för nämndens räkning.', 'Paragrafen justeras omedelbart.']);
  });
  it('ends the decision at a rule line and at "Beslutet expedieras till"', () => {
    expect(decisions('Beslut\n- att anta planen.\n_______________\nBeslutet expedieras till:\nPlaneringsavdelningen')).toEqual(['att anta planen.']);
  });
  it('takes "Förslag till beslut i kommunfullmäktige" as what the body resolved, and not the motions made at the meeting', () => {
    expect(decisions('Förslag till beslut i kommunfullmäktige\nKommunfullmäktige antar riktlinjerna.\n\nSammanfattning av ärendet\nText.\n\nFörslag till beslut på sammanträdet\nEva Ek (S) yrkar avslag.'))
      .toEqual(['Kommunfullmäktige antar riktlinjerna.']);
  });
  it('leaves out the line that opens a list of what was decided', () => {
    expect(decisions('Beslut\nRevisionen beslutar att ge:\nAnna Berg ett arvode för medverkan den 3 mars.\nPer Lind ett arvode för medverkan den 5 mars.'))
      .toEqual(['Anna Berg ett arvode för medverkan den 3 mars.', 'Per Lind ett arvode för medverkan den 5 mars.']);
  });
  it('does not read the motivation after the decision as a decision', () => {
    expect(decisions('Förslag till beslut i kommunstyrelsen\nKommunstyrelsen lämnar negativt planbesked.\nBeslutsmotivering\nPlatsen är olämplig.')).toEqual(['Kommunstyrelsen lämnar negativt planbesked.']);
  });
});
