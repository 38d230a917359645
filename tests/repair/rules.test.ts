import { describe, expect, it } from 'vitest';
import { fix, repairText } from './helpers.js';

describe('diacritic-context', () => {
  it('ok: picks the variant its neighbours support', () => {
    expect(fix('Det ar bra att vi har en plan for arbetet pa kommunen.', { mode: 'aggressive' }))
      .toBe('Det är bra att vi har en plan för arbetet på kommunen.');
    expect(fix('Avtalet ska skrivas pa 2 eller 4 ar.', { mode: 'aggressive' })).toBe('Avtalet ska skrivas på 2 eller 4 år.');
  });
  it('not ok: an intact text keeps a name it does not know, even one a place name could be made of', () => {
    expect(fix('Mötet hölls i Folkets hus i Kallby, där även nämnden sammanträdde med förvaltningen', { mode: 'conservative' })).toBe('Mötet hölls i Folkets hus i Kallby, där även nämnden sammanträdde med förvaltningen');
  });
  it('not ok: leaves valid words alone in conservative mode', () => {
    expect(fix('Det ar bra for oss.', { mode: 'conservative' })).toBe('Det ar bra for oss.');
  });
});

describe('diacritic-lexicon', () => {
  it('ok: a word that only exists with å/ä/ö gets them back', () => {
    expect(fix('Rapport fran motet', { mode: 'conservative' })).toBe('Rapport från mötet');
  });
  it('ok: case is kept', () => {
    expect(fix('HOGANAS kommun och Asa Simonsson', { mode: 'aggressive' })).toBe('HÖGANÄS kommun och Åsa Simonsson');
  });
  it('ok: place names come back from the gazetteer', () => {
    expect(fix('Jonas Jonsson, Bastad Elin Ask, Angelholm', { mode: 'aggressive' })).toBe('Jonas Jonsson, Båstad Elin Ask, Ängelholm');
  });
  it('not ok: an unknown name is not made into a common word', () => {
    expect(fix('Kontakt: Eva Nilsson-Strang, Bjuv', { mode: 'aggressive' })).toBe('Kontakt: Eva Nilsson-Strang, Bjuv');
  });
});

describe('ocr-glyph', () => {
  it('ok: é, 6 and d read as å/ä/ö are put right', () => {
    expect(fix('Anmalt férhinder: Motets 6ppnande', { mode: 'aggressive' })).toBe('Anmält förhinder: Mötets öppnande');
    expect(fix('en ansdkan om att fa starta', { mode: 'aggressive' })).toBe('en ansökan om att få starta');
  });
  it('not ok: a word with a real é is kept', () => {
    expect(fix('Det var en bra idé och en fin kafé.', { mode: 'aggressive' })).toBe('Det var en bra idé och en fin kafé.');
  });
});

describe('ocr-I', () => {
  it('ok: bar or one for a capital I', () => {
    expect(fix('o |T-chefsnatverket har sitt forsta mote', { mode: 'aggressive' })).toBe('• IT-chefsnätverket har sitt första möte');
    expect(fix('Transaktions-1D: 12345', { mode: 'aggressive' })).toBe('Transaktions-ID: 12345');
    expect(fix('Diskussion kring Al och Al-s framtid', { mode: 'aggressive' })).toBe('Diskussion kring AI och AI-s framtid');
    expect(fix('Fatima Al-Rashid (S)', { mode: 'aggressive' })).toBe('Fatima Al-Rashid (S)');
    expect(fix('Skolsamverkan Bohuslän kommunalförbund | Org.nr 222000-1685 | www.example.se', { mode: 'aggressive' })).toBe('Skolsamverkan Bohuslän kommunalförbund | Org.nr 222000-1685 | www.example.se');
    expect(fix('| samband med detta', { mode: 'aggressive' })).toBe('I samband med detta');
  });
  it('not ok: a real 1 stays a number', () => {
    expect(fix('Se punkt 1 och 2 i bilaga 1.', { mode: 'aggressive' })).toBe('Se punkt 1 och 2 i bilaga 1.');
    expect(fix('Version 1D av dokumentet', { mode: 'aggressive' })).toBe('Version 1D av dokumentet');
  });
});

describe('list-bullet', () => {
  it('ok: "e" or "o" opening a list line is a bullet', () => {
    expect(repairText('e Beredskapsfragan\no Tillganglighetsnatverket har lagts ner.', { mode: 'aggressive' }).lines)
      .toEqual(['• Beredskapsfrågan', '• Tillgänglighetsnätverket har lagts ner.']);
  });
  it('not ok: "o" inside a line or before a lowercase word stays', () => {
    expect(fix('punkt a, b o c', { mode: 'aggressive' })).toBe('punkt a, b o c');
    expect(fix('e-post och o-hyfs', { mode: 'aggressive' })).toBe('e-post och o-hyfs');
  });
});

describe('protected tokens', () => {
  it('never touches URLs, e-mail addresses, numbers or identifiers', () => {
    const line = 'mikael.johansson4@helsingborg.se https://www.halsingland.se/for/ar 2025-12-12 08.30-12:00 KS2024/0123 snake_case';
    expect(fix(line, { mode: 'aggressive' })).toBe(line);
  });
  it('keeps English phrases English', () => {
    expect(fix('The tools for schools', { mode: 'aggressive' })).toBe('The tools for schools');
  });
});

describe('changes and warnings', () => {
  it('records whole tokens with provenance and a rule', () => {
    const r = repairLines2();
    expect(r.changes).toContainEqual({ page: 3, line: 7, from: 'fran', to: 'från', rule: 'diacritic-lexicon', confidence: expect.any(Number) });
    for (const c of r.changes) {
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect(r.warnings.length).toBeLessThanOrEqual(r.lines.length);
  });
});

import { repairLines } from '../../src/repair/index.js';
function repairLines2() {
  return repairLines([{ text: 'Rapport fran motet', page: 3, line: 7 }], { mode: 'aggressive' });
}

describe('names and titles (capital in mid-sentence)', () => {
  it('ok: a capitalised word before a place name is part of an organisation name', () => {
    expect(fix('Motet med Vard Skane blev bra.', { mode: 'aggressive' })).toBe('Mötet med Vård Skåne blev bra.');
  });
  it('not ok: a surname followed by a comma and a place stays a name', () => {
    expect(fix('Eva Hall, Malmo och Per Stal, Lund deltog.', { mode: 'aggressive' })).toBe('Eva Hall, Malmö och Per Stal, Lund deltog.');
  });
  it('ok: a lone dash opens a title, whose capital marks no name', () => {
    expect(fix('Skane - Basta regionen att bo i', { mode: 'aggressive' })).toBe('Skåne - Bästa regionen att bo i');
  });
  it('not ok: the same capital word in running text is guarded', () => {
    expect(fix('Vi talade om Basta livsplatsen igen.', { mode: 'aggressive' })).toBe('Vi talade om Basta livsplatsen igen.');
  });
});

describe('unseen dictionary words', () => {
  it('ok: a listed compound of a head without the compound-end flag counts like its head', () => {
    expect(fix('Hon ar lansrad i Skane.', { mode: 'aggressive' })).toBe('Hon är länsråd i Skåne.');
  });
  it('not ok: a compound the flags can build gets no extra weight from its listing', () => {
    expect(fix('Underlaget har granskats av ekonomen.', { mode: 'aggressive' })).toBe('Underlaget har granskats av ekonomen.');
  });
});
