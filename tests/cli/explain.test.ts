// `protokoll explain` on every input kind: each cleaned line with its page and line, the rule that claimed it, and what it became.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { explain } from '../../src/explain.js';
import { fakeIo } from './fake-io.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

describe('explain', () => {
  it('explains a text input: furniture, front matter, headings, bodies, decisions and unused lines', async () => {
    const { lines, minutes } = await explain(path.join(fixtures, 'text-halsingeradet-2024-01-24/input.txt'));
    expect(lines.length).toBeGreaterThan(50);
    // Every element the document holds is explained on the line it came from.
    for (const a of minutes.attendees) expect(lines.find((l) => l.page === a.source.page && l.line === a.source.line)!.became.join(' ')).toContain(`attendee ${a.name}`);
    for (const i of minutes.items) {
      // One raw line can hold several segments (a running header glued to a heading): one of them is the heading.
      const heading = lines.find((l) => l.page === i.source.page && l.line === i.source.line && l.rule?.startsWith('items.heading-'))!;
      expect(heading.became.join(' ')).toContain(i.title.slice(0, 30));
    }
    const decision = minutes.items.flatMap((i) => i.decisions)[0]!;
    expect(lines.find((l) => l.page === decision.source.page && l.line === decision.source.line)!.became.join(' ')).toContain('decision in');
    expect(lines.some((l) => l.became.some((b) => b.startsWith('body of')))).toBe(true);
    expect(lines.every((l) => l.became.length > 0 || l.furniture !== null || l.zone !== null)).toBe(true);
  });

  it('explains a born-digital PDF: page furniture by its rule, header fields by the line they were read from', async () => {
    const { lines } = await explain(path.join(fixtures, 'pdf-halsingeradet-2024-01-24/input.pdf'));
    expect(lines.some((l) => l.furniture === 'running-header' && l.rule === 'furniture.running-header')).toBe(true);
    expect(lines.some((l) => l.became.some((b) => b.startsWith('header date 2024-01-24')))).toBe(true);
    expect(lines.some((l) => l.zone === 'agenda' && l.rule === 'agenda.paragraph-index')).toBe(true);
  });

  it('explains an image read by OCR', async () => {
    const { lines, minutes } = await explain(path.join(fixtures, 'ocr/familjen-title.png'));
    expect(minutes.source.pages[0]!.text).toBe('ocr');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.page === 1 && l.line >= 1)).toBe(true);
    expect(lines.every((l) => l.became.length > 0 || l.furniture !== null || l.zone !== null)).toBe(true);
  }, 60_000);

  it('reads an image with the OCR engine asked for on the command line, as convert does', async () => {
    const io = fakeIo();
    expect(await run(['explain', path.join(fixtures, 'ocr/familjen-title.png'), '--ocr-engine', 'wasm', '--json'], io)).toBe(0);
    const parsed = JSON.parse(io.stdout()) as { document: { source: { pages: Array<{ ocr?: { engine: string } | null }> } } };
    expect(parsed.document.source.pages[0]!.ocr?.engine).toBe('tesseract.js');
  }, 60_000);

  it('prints one line per cleaned line on the command line, a page at a time, or JSON', async () => {
    const io = fakeIo();
    expect(await run(['explain', path.join(fixtures, 'text-krf-halland-2024/input.txt'), '--page', '1'], io)).toBe(0);
    const out = io.stdout().trim().split('\n');
    expect(out[0]).toMatch(/^1:\d+\s+\S+\s+.+/);
    expect(out.some((l) => / => attendee /.test(l))).toBe(true);
    const json = fakeIo();
    expect(await run(['explain', path.join(fixtures, 'text-krf-halland-2024/input.txt'), '--json'], json)).toBe(0);
    const parsed = JSON.parse(json.stdout()) as { lines: Array<{ page: number; rule: string | null }>; document: { schemaVersion: number } };
    expect(parsed.document.schemaVersion).toBe(1);
    expect(parsed.lines.length).toBeGreaterThan(10);
  });

  it('refuses a file it cannot read with one line naming it', async () => {
    const io = fakeIo();
    expect(await run(['explain', path.join(fixtures, 'no-such-file.txt')], io)).toBe(1);
    expect(io.stderr()).toMatch(/^protokoll: .*no-such-file\.txt: .+\n$/);
  });
});
