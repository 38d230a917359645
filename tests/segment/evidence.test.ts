// What counts as minutes: the vocabulary of Swedish minutes decides, and the warning says what was found.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../helpers.js';

describe('what counts as minutes', () => {
  it('keeps a protocol whose items no rule found as a protocol, with its header', () => {
    const r = segmentText('SAMMANTRÄDESPROTOKOLL\nKulturnämnden\n\nDatum: 2024-05-06\n\nProtokollet justeras av ordföranden.\nNämnden beslutade om bidragen i enlighet med förvaltningens förslag.');
    expect(r.warnings.map((w) => w.code)).not.toContain('not-minutes');
    expect(r.document.date).toBe('2024-05-06');
  });
  it('does not take an English README with a numbered list for minutes', () => {
    const r = segmentText('# Release notes 2024-05-06\n\nThis is the build note for the tool. You can run it with the flag.\n\n1. Install the package and run the tests.\n2. Build the project for the release.\n3. Publish the release to the registry.');
    expect(r.warnings[0]).toMatchObject({ code: 'not-minutes' });
    expect(r.document.date).toBeNull();
    expect(r.items).toEqual([]);
  });
  it('says in the warning which words of minutes it found', () => {
    const r = segmentText('Kära läsare, detta är ett brev om ordföranden i vår förening och om hur det gick i år.');
    expect(r.warnings[0]!.message).toMatch(/only "ordförande"/);
  });
});
