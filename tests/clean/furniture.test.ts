import { describe, expect, it } from 'vitest';
import { isPageNumber } from '../../src/clean/furniture.js';
import { linesOf } from '../helpers.js';

const furniture = (text: string) => linesOf(text).filter((l) => l.furniture).map((l) => `${l.furniture}: ${l.text}`);

describe('page numbers', () => {
  it('recognises the usual shapes', () => {
    for (const t of ['Sidan 1 av 3', 'Sida 2 (6)', '2 (6)', '- 3 -', '3/7', 'Page 2 of 5']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2024', '§ 3', 'Punkt 2 av dagordningen', '1. Öppnande']) expect(isPageNumber(t), t).toBe(false);
  });
});

describe('furniture', () => {
  it('marks the initials box and its bare role labels', () => {
    expect(furniture('Text.\n\nOrdförande\n\nJusterande\n\nUtdragsbestyrkande\n\nMer text.')).toEqual([
      'signature-box: Ordförande', 'signature-box: Justerande', 'signature-box: Utdragsbestyrkande',
    ]);
    expect(furniture('Ordförandes sign\nJusterares sign')).toEqual(['signature-box: Ordförandes sign', 'signature-box: Justerares sign']);
  });
  it('keeps a lone "Ordförande" that is not part of a box', () => {
    expect(furniture('Ordförande\nAnna Ek')).toEqual([]);
  });
  it('marks running headers repeated at page boundaries but not a heading that follows one boundary', () => {
    const text = ['Kommunstyrelsen', 'PROTOKOLL', '§1 Öppnande', 'Mötet öppnades.', '\f' + 'Kommunstyrelsen', 'PROTOKOLL', '§2 Val', 'Anna valdes.', '\f' + 'Kommunstyrelsen', 'PROTOKOLL', 'Mer om valet.'].join('\n');
    const marked = furniture(text);
    expect(marked.filter((m) => m.startsWith('running-header'))).toHaveLength(6);
    expect(marked.some((m) => m.includes('§'))).toBe(false);
  });
  it('never marks decision clauses, however often they repeat', () => {
    const text = ['§1 A', 'Att tacka för informationen', '\fAtt tacka för informationen', '§2 B', 'Text', '\fAtt tacka för informationen'].join('\n');
    expect(furniture(text)).toEqual([]);
  });
});

describe('running headers after page numbers', () => {
  it('finds a header that comes back after each "Sidan N av M" of a text copy without page breaks', () => {
    const f = furniture('Region Nordmark\tPROTOKOLL\t2022-04-05\nRegionstyrelsen\n\n§ 1 Öppnande\nText.\n\nSidan 1 av 3\n\nRegion Nordmark\tPROTOKOLL\t2022-04-05\nRegionstyrelsen\n\nMer text.\n\nSidan 2 av 3\n\nRegion Nordmark\tPROTOKOLL\t2022-04-05\nRegionstyrelsen\n\nSlut.');
    const headers = f.filter((x) => x.startsWith('running-header'));
    expect(headers).toHaveLength(6);
    expect(new Set(headers)).toEqual(new Set(['running-header: Region Nordmark\tPROTOKOLL\t2022-04-05', 'running-header: Regionstyrelsen']));
  });
  it('finds a long footer that carries its page number in its last cell', () => {
    const footer = (n: number) => `Skolsamverkan Bohuslän kommunalförbund | Org.nr 222000-1685 | www.skolsamverkanbohuslan.se\tSida ${n} av 3`;
    const f = furniture(`§ 1 Öppnande\nText.\n\n${footer(1)}\n\n§ 2 Val\nText.\n\n${footer(2)}\n\n§ 3 Avslut\nText.\n\n${footer(3)}`);
    expect(f.filter((x) => x.startsWith('running-header'))).toHaveLength(3);
  });
});

describe('continued headings', () => {
  it('marks "PTN § 45 (forts.)" on the page where an opened item runs on, even once', () => {
    const f = furniture('PTN § 45\tDnr PTN 2024/88\nYttrande över motion\nText som\n\fPTN § 45 (forts.)\tSida 4(7)\nfortsätter här.\n\nPTN § 46\nNästa ärende');
    expect(f).toEqual(['running-header: PTN § 45 (forts.)\tSida 4(7)']);
  });
  it('keeps a "forts." heading whose paragraph was never opened, and headings that only mention forts in their title', () => {
    expect(furniture('§ 12 (forts.)\nText.')).toEqual([]);
    expect(furniture('§ 3 Öppnande\nText.\n§ 4 Fortsatt arbete med budgeten\nText.')).toEqual([]);
  });
});

describe('e-signing footers', () => {
  it('marks "Det här dokumentet är digitalt signerat" and the transaction ids under it', () => {
    expect(furniture('§ 1 Öppnande\nText.\nDet här dokumentet är digitalt signerat\nTransaktionsidentitet: DB4261417A\nTransaktionsidentitet: 692FB8F3F9')).toEqual([
      'running-header: Det här dokumentet är digitalt signerat', 'running-header: Transaktionsidentitet: DB4261417A', 'running-header: Transaktionsidentitet: 692FB8F3F9',
    ]);
  });
  it('keeps a transaction id in a signing record', () => {
    expect(furniture('Undertecknat av följande personer\nLISA ANDERSSON\nTransaktionsidentitet: DB4261417A')).toEqual([]);
  });
});
