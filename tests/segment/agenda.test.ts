import { describe, expect, it } from 'vitest';
import { findAgenda, findKindLegend, parseAgendaLine } from '../../src/segment/agenda.js';
import { contextOf, segmentText } from '../helpers.js';

describe('agenda lines', () => {
  it('reads § numbers, dot leaders, page numbers and kind codes', () => {
    expect(parseAgendaLine('§789 Gemensam lön (I).....\t10', true)).toEqual({ number: '789', title: 'Gemensam lön', page: 10, kind: 'I' });
    expect(parseAgendaLine('3. Budget 2025 ........ 12', true)).toEqual({ number: '3', title: 'Budget 2025', page: 12, kind: null });
    expect(parseAgendaLine('Incheckning (inledning, förväntningar m.m.)', false)).toEqual({ number: null, title: 'Incheckning (inledning, förväntningar m.m.)', page: null, kind: null });
  });
});

describe('agenda blocks', () => {
  it('reads a list under "Agenda", skipping day lines and stopping at furniture', () => {
    const ctx = contextOf(`
      Agenda

      21 augusti

      Incheckning

      Introduktion/omvärldsspaning (Bo-Josef Eriksson)

      22 augusti

      Reflektioner

      Ordförandes sign

      Justerares sign

      Utdragsbestyrkande
    `);
    expect(findAgenda(ctx).map((e) => e.title)).toEqual(['Incheckning', 'Introduktion/omvärldsspaning (Bo-Josef Eriksson)', 'Reflektioner']);
  });
  it('reads numbered entries of a table of contents and leaves out front-matter sections', () => {
    const ctx = contextOf('Tid och plats.....\t1\nBeslutande\t1\n§784 Mötets öppnande\t4\n§785 Val av justerare\t5\n§786 Dagordning.....\t6');
    const agenda = findAgenda(ctx);
    expect(agenda.map((e) => [e.number, e.title, e.page])).toEqual([['784', 'Mötets öppnande', 4], ['785', 'Val av justerare', 5], ['786', 'Dagordning', 6]]);
    expect(agenda[0]!.source).toEqual({ page: 1, line: 3, box: null });
  });
  it('does not take a dagordning item for an agenda heading', () => {
    const ctx = contextOf('§786 Dagordning\n\nDagordningen godkändes.');
    expect(findAgenda(ctx)).toEqual([]);
  });
  it('reads a legend of kind codes', () => {
    const ctx = contextOf('B\tbeslut\nI\tinformation\nU\tuppföljning');
    expect([...findKindLegend(ctx)]).toEqual([['B', 'beslut'], ['I', 'information'], ['U', 'uppföljning']]);
  });

  it('ends a table of contents at a bare "§ 45" (the first item\'s heading), and knows "Ärendeförteckning"', () => {
    const ctx = contextOf('Ärendeförteckning\n\n§ 45\tUpprop\t2\n§ 46\tVal av justerare\t2\n§ 47\tMeddelanden\t3\n\n§ 45\n\nUpprop\n\nUpprop förrättas.');
    expect(findAgenda(ctx).map((e) => e.title)).toEqual(['Upprop', 'Val av justerare', 'Meddelanden']);
    expect(ctx.zone[ctx.lines.findIndex((l) => l.text === '§ 45')]).toBeNull();
  });
});

describe('contents lists', () => {
  it('joins an entry wrapped before its page number and runs on over a page break', () => {
    const ctx = contextOf('Innehåll\n\nMötets öppnande   2\nUppföljning av granskningen av\nbyggnadsnämnden   3\nÖvriga frågor   4\n\fAvslutning   4\n\nText börjar här.');
    expect(findAgenda(ctx).map((e) => [e.title, e.page])).toEqual([
      ['Mötets öppnande', 2], ['Uppföljning av granskningen av byggnadsnämnden', 3], ['Övriga frågor', 4], ['Avslutning', 4],
    ]);
  });
  it('reads a single listed § under its label as the agenda, not an item', () => {
    const r = segmentText('Innehåll\n\n§ 9 Dnr 2024:3\nTilldelningsbeslut ........ 3\n\f§ 9\tDnr 2024:3\nTilldelningsbeslut\n\nBeslut\nNämnden antar anbudet.');
    expect(r.agenda.map((a) => [a.number, a.title])).toEqual([['9', 'Tilldelningsbeslut']]);
    expect(r.items).toHaveLength(1);
  });
});

describe('a contents list read from a scan', () => {
  it('ends an entry at its page number even where the line is marked as broken by the page width', async () => {
    const { segment } = await import('../../src/segment/index.js');
    const { linesOf } = await import('../helpers.js');
    const lines = linesOf('Kommunrevisionen\tSAMMANTRÄDESPROTOKOLL\nNärvarande\nAnna Ek (S)\n\nInnehåll\nMötets öppnande\t4\nRisk- och väsentlighetsanalys 2024 – beslut om åtgärder 4\nDiskussion om framtagande av risk- och väsentlighetsanalys 2024\nför Eksta Bostads AB och Stiftelsen Tjolöholm\t4\nRevisorernas ekonomi\t5\n\f1. Mötets öppnande\nSammanträdet öppnas.\n\n2. Avslut\nVid protokollet, justeras.');
    // OCR marks lines that reach the right margin as wrapped.
    for (const l of lines) if (/åtgärder 4$|2024$/.test(l.text)) l.wrapped = true;
    expect(segment(lines).agenda.map((a) => [a.title, a.page])).toEqual([
      ['Mötets öppnande', 4], ['Risk- och väsentlighetsanalys 2024 – beslut om åtgärder', 4],
      ['Diskussion om framtagande av risk- och väsentlighetsanalys 2024 för Eksta Bostads AB och Stiftelsen Tjolöholm', 4], ['Revisorernas ekonomi', 5],
    ]);
  });
});
