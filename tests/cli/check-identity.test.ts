// Issue 13 points 11 and 12: lists are diffed by identity, a path with nothing to check fails, check takes the
// conversion options and --strict.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { diff } from '../../src/compare/diff.js';
import { convert } from '../../src/convert.js';
import { minutes, tempDir } from '../batch/tree.js';
import { fakeIo } from './fake-io.js';

const repo = path.resolve(import.meta.dirname, '../..');
const source = path.join(repo, 'fixtures/text-halsingeradet-2024-01-24/input.txt');

/** A case folder whose expected file is today's output, edited by `edit`. */
async function caseWith(edit: (doc: Awaited<ReturnType<typeof convert>>) => void, options: Parameters<typeof convert>[1] = {}): Promise<string> {
  const dir = tempDir('protokoll-check-');
  fs.copyFileSync(source, path.join(dir, 'input.txt'));
  const doc = await convert(path.join(dir, 'input.txt'), options);
  edit(doc);
  fs.writeFileSync(path.join(dir, 'input.expected.json'), JSON.stringify(doc, null, 2));
  return dir;
}

describe('check aligns lists by identity', () => {
  it('one attendee dropped is one removal, not a shift of everyone after it', async () => {
    const dir = await caseWith((doc) => {
      doc.attendees.splice(2, 0, { ...doc.attendees[2]!, name: 'Extra Person' });
    });
    const io = fakeIo();
    expect(await run(['check', dir], io)).toBe(1);
    expect(io.stderr()).toContain('(1 difference: 1 removed)');
    expect(io.stderr()).toContain('attendees["Extra Person"]: removed');
  });

  it('reports added, removed and changed elements of items and decisions by § and text', async () => {
    const actual = await convert(source);
    const expected = structuredClone(actual);
    const item = expected.items.find((i) => i.paragraph === 790)!;
    item.title = 'Old title';
    item.decisions[0]!.text = 'Att något annat beslutades';
    expected.items.splice(expected.items.indexOf(item) + 1, 1);
    const d = diff(expected, actual);
    expect(d.map((x) => `${x.kind} ${x.path}`)).toEqual([
      'changed items[§790].title',
      `removed items[§790].decisions["Att något annat beslutades"]`,
      expect.stringMatching(/^added items\[§790\]\.decisions\["Att Styrelsen beslutar/),
      expect.stringMatching(/^added items\[§791\]$/),
    ]);
  });
});

describe('check fails loudly and takes the conversion options', () => {
  it('a path with no expected files exits 1 with a clear message', async () => {
    const io = fakeIo();
    expect(await run(['check', path.join(repo, 'fixtures/ocr')], io)).toBe(1);
    expect(io.stderr()).toMatch(/^protokoll: nothing to check: no input under .*fixtures\/ocr has an expected result beside it/);
    const missing = fakeIo();
    expect(await run(['check', path.join(repo, 'no-such-folder')], missing)).toBe(1);
  });

  it('--no-repair converts as convert --no-repair does, and --strict fails on warnings', async () => {
    // Damaged OCR text: repair changes it, so an expected file made without repair matches only with --no-repair.
    const dir = tempDir('protokoll-check-');
    fs.copyFileSync(path.join(repo, 'fixtures/repair/familjen-damaged.txt'), path.join(dir, 'input.txt'));
    const raw = await convert(path.join(dir, 'input.txt'), { repair: false });
    fs.writeFileSync(path.join(dir, 'input.expected.json'), JSON.stringify(raw, null, 2));
    expect(await run(['check', dir], fakeIo())).toBe(1);
    expect(await run(['check', dir, '--no-repair'], fakeIo())).toBe(0);

    const warned = tempDir('protokoll-check-');
    fs.writeFileSync(path.join(warned, 'm.txt'), minutes(1).replace(/Datum: .*/, 'Datum: 12 mars'));
    fs.writeFileSync(path.join(warned, 'm.expected.json'), JSON.stringify(await convert(path.join(warned, 'm.txt')), null, 2));
    expect(await run(['check', warned], fakeIo())).toBe(0);
    const strict = fakeIo();
    expect(await run(['check', warned, '--strict'], strict)).toBe(1);
    expect(strict.stderr()).toMatch(/warnings .*m\.txt: 1 \(--strict\): date-without-year/);

    const help = fakeIo();
    await run(['check', '--help'], help);
    for (const option of ['--no-repair', '--ocr <mode>', '--lang <codes>', '--page-timeout', '--pages', '--password', '--strict']) expect(help.stdout()).toContain(option);
  });
});

