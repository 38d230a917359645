// Issue 13 point 16: bare `protokoll`, --list-langs, validate's one-line errors, --pages, --format text/markdown,
// --verbose and --log-format json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { minutes, tempDir, writeTree } from '../batch/tree.js';
import { fakeIo } from './fake-io.js';

const repo = path.resolve(import.meta.dirname, '../..');
const halsinge = path.join(repo, 'fixtures/text-halsingeradet-2024-01-24/input.txt');

describe('the command line', () => {
  it('bare `protokoll` prints the help on stderr and exits 2', async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(2);
    expect(io.stderr()).toContain('Usage: protokoll');
    expect(io.stderr()).toContain('convert');
    expect(io.stdout()).toBe('');
  });

  it('--list-langs lists the installed OCR languages', async () => {
    const io = fakeIo();
    expect(await run(['--list-langs'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^swe\tSwedish\tinstalled$/m);
    expect(io.stdout()).toMatch(/^eng\tEnglish\tinstalled$/m);
  });

  it('an unknown command is still a usage error', async () => {
    const io = fakeIo();
    expect(await run(['convertt', 'x'], io)).toBe(2);
  });
});

describe('validate', () => {
  it('says in one line that a file is missing, not JSON or YAML, or broken', async () => {
    const dir = writeTree(tempDir(), { 'minutes.txt': minutes(1), 'plain.txt': 'hello world\n', 'broken.json': '{"schemaVersion": 1,', 'empty.json': '' });
    const cases: [string, string][] = [
      [path.join(dir, 'nope.json'), 'cannot read the file: no such file'],
      [path.join(repo, 'fixtures/pdf-gr-kommunchefer/input.pdf'), 'not a JSON or YAML document: it is a PDF'],
      [path.join(repo, 'fixtures/ocr/familjen-p1-top.png'), 'not a JSON or YAML document: it is a PNG image'],
      [path.join(dir, 'minutes.txt'), 'not valid YAML: Implicit keys need to be on a single line at line 1, column 1'],
      [path.join(dir, 'plain.txt'), 'not a JSON or YAML document: it holds no object'],
      [path.join(dir, 'broken.json'), 'not valid JSON: '],
      [path.join(dir, 'empty.json'), 'the file is empty'],
    ];
    for (const [file, message] of cases) {
      const io = fakeIo();
      expect(await run(['validate', file], io), file).toBe(1);
      const lines = io.stderr().trimEnd().split('\n');
      expect(lines, file).toHaveLength(1);
      expect(lines[0]).toContain(`protokoll: ${file}: ${message}`);
    }
  });
});

describe('convert --pages', () => {
  it('converts only the pages asked for, keeping their page numbers', async () => {
    const text = `${minutes(1)}\f§ 3 Page two\nText on page two.\n\f§ 4 Page three\nText on page three.\n`;
    const file = path.join(writeTree(tempDir(), { 'm.txt': text }), 'm.txt');
    const io = fakeIo();
    expect(await run(['convert', file, '--pages', '2-3'], io)).toBe(0);
    const doc = JSON.parse(io.stdout());
    expect(doc.source.pages.map((p: { number: number }) => p.number)).toEqual([2, 3]);
    expect(doc.items.map((i: { paragraph: number }) => i.paragraph)).toEqual([3, 4]);
    const beyond = fakeIo();
    expect(await run(['convert', file, '--pages', '9-'], beyond)).toBe(1);
    expect(beyond.stderr()).toBe(`protokoll: ${file}: none of the pages asked for (--pages) exists: the document has 3 pages\n`);
    const bad = fakeIo();
    expect(await run(['convert', file, '--pages', '3-1'], bad)).toBe(2);
    expect(bad.stderr()).toContain('"3-1" is not a valid range');
  });
});

describe('convert --format text / markdown', () => {
  it('text is the cleaned, repaired text; markdown has front matter and a heading per item', async () => {
    const io = fakeIo();
    expect(await run(['convert', halsinge, '--format', 'text'], io)).toBe(0);
    expect(io.stdout()).toContain('Bevakningsområden 2024-2025');
    expect(io.stdout()).not.toContain('"schemaVersion"');
    const md = fakeIo();
    expect(await run(['convert', halsinge, '--format', 'markdown'], md)).toBe(0);
    const out = md.stdout();
    expect(out).toMatch(/^---\nschemaVersion: 1\nsource:\n {2}file: input\.txt\n/);
    expect(out).toMatch(/^## § 790 Bevakningsområden 2024-2025$/m);
    expect(out.match(/^## § \d+/gm)).toHaveLength(13);
  });
});

describe('--verbose and --log-format json', () => {
  it('--verbose says what each stage did for each file', async () => {
    const io = fakeIo();
    expect(await run(['convert', halsinge, '--verbose'], io)).toBe(0);
    const err = io.stderr();
    for (const stage of ['read', 'repair', 'clean', 'segment', 'validate']) expect(err).toMatch(new RegExp(`protokoll: .*input\\.txt: ${stage}\\s`));
    expect(err).toMatch(/segment\s+attendees \d+, items 13/);
  });

  it('--log-format json writes one JSON object per event on stderr, errors and summary included', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1), 'b.txt': '', 'c.zip': Buffer.from('PK\x03\x04', 'latin1') });
    const io = fakeIo({ tty: true });
    expect(await run(['convert', input, '-o', path.join(root, 'out'), '--log-format', 'json', '--verbose'], io)).toBe(1);
    const events = io.stderr().trimEnd().split('\n').map((l) => JSON.parse(l) as { event: string; [k: string]: unknown });
    const kinds = new Set(events.map((e) => e.event));
    expect([...kinds].sort()).toEqual(['error', 'input', 'not-input', 'stage', 'summary']);
    expect(events.find((e) => e.event === 'error')).toMatchObject({ file: path.join(input, 'b.txt'), code: 'input-empty', message: 'the file is empty' });
    expect(events.at(-1)).toMatchObject({ event: 'summary', converted: 1, failed: 1, walkSkipped: 1 });
  });
});

it('a folder with pages still being read shows pages done before any file is finished (point 7)', async () => {
  const { Progress } = await import('../../src/batch/progress.js');
  const io = fakeIo({ tty: true });
  const progress = new Progress(io, 2);
  progress.page({ file: 'a.pdf', pagesDone: 0, pagesTotal: 3 });
  progress.page({ file: 'b.pdf', pagesDone: 1, pagesTotal: 2 });
  await new Promise((r) => setTimeout(r, 120));
  progress.page({ file: 'a.pdf', pagesDone: 1, pagesTotal: 3 });
  expect(io.stderr()).toContain('0/2 files · 2/5 pages');
  progress.finish();

  const plain = fakeIo();
  const lines = new Progress(plain, 1, { lineInterval: 0.05 });
  lines.page({ file: 'scan.pdf', pagesDone: 4, pagesTotal: 9 });
  await new Promise((r) => setTimeout(r, 130));
  lines.finish();
  expect(plain.stderr()).toMatch(/^0\/1 files · 4\/9 pages · /m);
  const after = plain.stderr();
  await new Promise((r) => setTimeout(r, 100));
  expect(plain.stderr()).toBe(after); // nothing after finish()
  expect(fs.existsSync(halsinge)).toBe(true);
});
