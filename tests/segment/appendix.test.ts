// Appendices after the items are not text of the last item.
import { describe, expect, it } from 'vitest';
import { isAppendixHeading } from '../../src/segment/appendix.js';
import { segmentText } from '../helpers.js';

describe('appendix headings', () => {
  it.each(['Bilaga 1', 'Bilaga till § 45, voteringslista', 'Bilaga 3 till KF § 118', 'Bilaga 2: Röstlängd'])('%s opens an appendix', (t) => expect(isAppendixHeading(t)).toBe(true));
  it.each(['Bilaga 1 till kommunstyrelsens protokoll har skickats ut till ledamöterna i god tid före sammanträdet', 'Bilagor'])('%s does not', (t) => expect(isAppendixHeading(t)).toBe(false));
});

describe('an appendix after the items', () => {
  const items = '§ 1 Öppnande\nMötet öppnas.\n\n§ 2 Motion om cykelbanor\n\nBeslut\nNämnden bifaller motionen.\n';
  it('is no part of the last item, on a page of its own', () => {
    const r = segmentText(`${items}\fBilaga till § 2, voteringslista\n\nLedamot\tJa\tNej\nAnna Ek (S)\tX\n§ 2 Bo Lund (M)\t\tX`);
    expect(r.items.map((i) => [i.title, i.decisions.map((d) => d.text)])).toEqual([['Öppnande', []], ['Motion om cykelbanor', ['Nämnden bifaller motionen.']]]);
  });
  it('is found in a text copy where a signature box marks the page break, the page header naming it', () => {
    const r = segmentText(`${items}\nJusterandes sign\tUtdragsbestyrkande\n\nKALLBY KOMMUN\tPROTOKOLL\tBilaga 1\nKommunfullmäktige\tSammanträdesdatum\n\nFöljande ledamöter deltog i voteringen.`);
    expect(r.items[1]!.body).not.toMatch(/KALLBY|voteringen/);
  });
  it('ends at a page that opens with a § heading', () => {
    const r = segmentText(`${items}\fBilaga 1\nKarta över området\n\f§ 3 Avslutning\nMötet avslutas.`);
    expect(r.items.map((i) => i.title)).toEqual(['Öppnande', 'Motion om cykelbanor', 'Avslutning']);
  });
});
