import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

const items = (text: string) => segmentText(text).items;

describe('item headings', () => {
  it('reads "§ N Title" with a case number on the next line', () => {
    const it = items(`
      § 12 Budget 2025
      Dnr KS 2021/0345

      Ärendet gäller budget.

      § 13 Val av ersättare
      Ingen anmälde intresse.
    `);
    expect(it.map((i) => [i.paragraph, i.title, i.caseNumber])).toEqual([[12, 'Budget 2025', 'KS 2021/0345'], [13, 'Val av ersättare', null]]);
    expect(it[0]!.body).toBe('Ärendet gäller budget.');
  });
  it('reads a heading whose title comes after the case number', () => {
    const it = items('§ 12 Dnr KS 2021/0345\nÖversyn av reglemente\n\nTexten.');
    expect(it[0]).toMatchObject({ paragraph: 12, title: 'Översyn av reglemente', caseNumber: 'KS 2021/0345' });
  });
  it('reads headings with the body\'s abbreviation before the paragraph sign', () => {
    expect(items('KS § 45 Dnr 2023/12\nÅrsredovisning 2022\n\nText.\n\nKS § 46 Delegationsbeslut\nText.').map((i) => [i.paragraph, i.title, i.caseNumber]))
      .toEqual([[45, 'Årsredovisning 2022', '2023/12'], [46, 'Delegationsbeslut', null]]);
  });
  it('reads spelled-out numbering: "Ärende 3: Title", "Punkt 4 Title"', () => {
    expect(items('Ärende 3: Budget 2025\nText.\n\nÄrende 4: Val av revisorer\nText.').map((i) => [i.number, i.title])).toEqual([['3', 'Budget 2025'], ['4', 'Val av revisorer']]);
    expect(items('Punkt 1 Mötets öppnande\nText.\n\nPunkt 2 Dagordning\nText.').map((i) => [i.number, i.title])).toEqual([['1', 'Mötets öppnande'], ['2', 'Dagordning']]);
  });
  it('keeps items named like front-matter sections: "Dagordning", "Övriga frågor"', () => {
    expect(items('1. Mötets öppnande\nText.\n\n2. Dagordning\nGodkändes.\n\n3. Övriga frågor\nInga.').map((i) => i.title)).toEqual(['Mötets öppnande', 'Dagordning', 'Övriga frågor']);
  });
  it('reads kind codes', () => {
    expect(items('§788 IT-samverkan (I)\nText.\n§790 Bevakningsområden 2024-2025 (B)\nText.').map((i) => [i.title, i.kind]))
      .toEqual([['IT-samverkan', 'I'], ['Bevakningsområden 2024-2025', 'B']]);
  });
  it('reads numbered headings, also Markdown ones, but not lists inside items', () => {
    const it = items(`
      ### 1. Det ekonomiska läget

      Text om läget:

      1. första punkten
      2. andra punkten

      ### 2. Civilt försvar och beredskap

      Text.

      ## 3. Tema – kompetensförsörjning

      Mer text.
    `);
    expect(it.map((i) => [i.number, i.title])).toEqual([['1', 'Det ekonomiska läget'], ['2', 'Civilt försvar och beredskap'], ['3', 'Tema – kompetensförsörjning']]);
    expect(it[0]!.body).toContain('1. första punkten');
  });
  it('reads unnumbered headings announced by "Anteckningar" or "Sammanfattning:"', () => {
    const it = items(`
      Incheckning (inledning, förväntningar m.m.)

      Anteckningar

      Laget runt.

      Nytt samarbetsavtal

      Sammanfattning: Avtalet behöver uppdateras.
    `);
    expect(it.map((i) => i.title)).toEqual(['Incheckning (inledning, förväntningar m.m.)', 'Nytt samarbetsavtal']);
  });
  it('reads an empty item right before a heading, and a new subject after a decision', () => {
    const it = items(`
      Närvarande:
      Anna Ek, Ale

      Mötets öppnande

      Diskussion kring AI

      Sammanfattning: Vi diskuterade.

      Mötet beslutar

      att notera informationen.

      Rapport från sekretariatet
      Sekretariatet informerade om läget.

      Nästa punkt

      Sammanfattning: Mer.
    `);
    expect(it.map((i) => i.title)).toEqual(['Mötets öppnande', 'Diskussion kring AI', 'Rapport från sekretariatet', 'Nästa punkt']);
  });
  it('keeps page furniture out of item bodies', () => {
    const it = items('§1 Öppnande\nMötet öppnades.\nJusterandes sign\nUtdragsbestyrkande\nSidan 1 av 3\n§2 Avslutning\nMötet avslutades.');
    expect(it[0]!.body).toBe('Mötet öppnades.');
  });
  it('drops loose marks OCR leaves after a heading\'s title', () => {
    expect(items('§ 5 Tema kompetensförsörjning "-:\nText.\n\n§ 6 Budget (B)\nText.').map((i) => i.title)).toEqual(['Tema kompetensförsörjning', 'Budget']);
  });

  it('reads a body code and number after the § as the case number, the title from the next line', () => {
    const r = items('§ 8 BUN 2024/17\n\nEkonomisk uppföljning januari 2024\n\nText.\n\n§ 9 KS 2023/212\nLäsårstider\nText.');
    expect(r.map((i) => [i.paragraph, i.title, i.caseNumber])).toEqual([[8, 'Ekonomisk uppföljning januari 2024', 'BUN 2024/17'], [9, 'Läsårstider', 'KS 2023/212']]);
  });

  it('reads whole bold lines after the front matter as the items of notes without numbers', () => {
    const r = segmentText('MINNESANTECKNINGAR\n\nNärvarande: Anna Lind (S) och Per Öst (M)\n\n**Mötets öppnande**\nOrdföranden öppnade mötet.\n\n**förslag till arbetsformer**\nGruppen diskuterade.\n\n**Beslut**\nBeredningen beslutar att anta förslaget.\n\n**NÄSTA MÖTE**\nDen 21 juni.');
    expect(r.items.map((i) => i.title)).toEqual(['Mötets öppnande', 'förslag till arbetsformer', 'NÄSTA MÖTE']);
    expect(r.items[1]!.decisions.map((d) => d.text)).toEqual(['Beredningen beslutar att anta förslaget.']);
  });

  it('leaves bold lines alone when cue lines already give the items', () => {
    const r = segmentText('Närvarande: Anna Lind (S) och Per Öst (M)\n\nBudget\nAnteckningar\nText om **viktigt**.\n\n**Obs**\nMer text.\n\nLokaler\nAnteckningar\nText.');
    expect(r.items.map((i) => i.title)).toEqual(['Budget', 'Lokaler']);
  });

  it('drops the full stop older minutes put after a heading, but not an abbreviation\'s', () => {
    expect(items('§ 12. Val av justeringsmän.\nText.\n\n§ 13. Anslag till vägar m.m.\nText.').map((i) => i.title)).toEqual(['Val av justeringsmän', 'Anslag till vägar m.m.']);
  });
});

describe('numbered points', () => {
  it('reads a point whose number stands alone on the line above its title', () => {
    const r = segmentText('Närvarande: Anna Lind, Per Öst\n\n1\nMötets öppnande\nOrdföranden öppnade mötet.\n\n2\n\nVal av sekreterare\nPer Öst valdes.\n\n3\nÖvriga frågor\nInga.');
    expect(r.items.map((i) => [i.number, i.title])).toEqual([['1', 'Mötets öppnande'], ['2', 'Val av sekreterare'], ['3', 'Övriga frågor']]);
  });
  it('continues a title that ends in a preposition, whatever the next line starts with', () => {
    const r = segmentText('§ 4\tDnr 2023:8\nAnsökan om bidrag för\nRenovering av bygdegården\n\nBeslut\nBidrag beviljas.');
    expect(r.items[0]!.title).toBe('Ansökan om bidrag för Renovering av bygdegården');
  });
  it('does not stop a title at an abbreviation ("kap.")', () => {
    const r = segmentText('§ 5\tDnr 2023:9\nRemiss om ändringar i 9 kap.\nmiljöbalken\n\nBeslut\nNämnden antar yttrandet.');
    expect(r.items[0]!.title).toBe('Remiss om ändringar i 9 kap. miljöbalken');
  });
});
