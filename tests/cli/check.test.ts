// `protokoll check`: expected files beside inputs, a readable diff on mismatch (exit 1), --update restores them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { listTree, minutes, tempDir, writeTree } from '../batch/tree.js';
import { fakeIo } from './fake-io.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

/** A temp copy of the text fixtures, made to match the current converter first (the real ones may lag behind others' work). */
async function copyOfFixtures(): Promise<string> {
  const dir = tempDir('protokoll-check-');
  for (const name of fs.readdirSync(fixtures).filter((n) => n.startsWith('text-'))) {
    fs.cpSync(path.join(fixtures, name), path.join(dir, name), { recursive: true });
  }
  expect(await run(['check', dir, '--update'], fakeIo())).toBe(0);
  return dir;
}

describe('protokoll check', () => {
  it('passes on matching expected files and ignores folders without any', async () => {
    const dir = await copyOfFixtures();
    writeTree(dir, { 'no-expected/lonely.txt': minutes(1) });
    const before = listTree(dir);
    const io = fakeIo();
    expect(await run(['check', dir], io)).toBe(0);
    expect(io.stderr()).toMatch(/4 matching, 0 failing, of 4 checked/);
    expect(io.stderr()).not.toContain('lonely');
    expect(io.stderr()).not.toContain('expected.json:'); // expected files are never inputs
    expect(listTree(dir)).toEqual(before);
  });

  it('fails with a structural diff when an expected file is edited, and --update restores it', async () => {
    const dir = await copyOfFixtures();
    const expectedFile = path.join(dir, 'text-gr-kommunchefer', 'input.expected.json');
    const original = fs.readFileSync(expectedFile, 'utf8');
    const doc = JSON.parse(original);
    const oldDate = doc.document.date as string | null;
    doc.document.date = '1999-01-01';
    doc.source.file = 'renamed.txt'; // volatile: must not count
    doc.attendees.push({ note: 'extra' });
    fs.writeFileSync(expectedFile, JSON.stringify(doc, null, 2) + '\n');

    const io = fakeIo();
    expect(await run(['check', dir], io)).toBe(1);
    const err = io.stderr();
    expect(err).toContain('mismatch');
    expect(err).toContain(`document.date: expected "1999-01-01", got ${JSON.stringify(oldDate)}`);
    expect(err).toContain('attendees[""]: removed {"note":"extra"}');
    expect(err).toContain('(2 differences: 1 removed, 1 changed)');
    expect(err).not.toContain('source.file');
    expect(err).toMatch(/3 matching, 1 failing, of 4 checked/);
    expect(err).not.toMatch(/\x1b\[/); // the fake Io has no colour

    const update = fakeIo();
    expect(await run(['check', dir, '--update'], update)).toBe(0);
    expect(update.stderr()).toMatch(/updated\s+.*input\.expected\.json \(2 changes\)/);
    expect(update.stderr()).toContain('document.date');
    const restored = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
    expect(restored.document.date).toBe(oldDate);
    expect(await run(['check', dir], fakeIo())).toBe(0);
  });

  it('colours the diff when colour is on', async () => {
    const dir = tempDir('protokoll-check-');
    writeTree(dir, { 'm.txt': minutes(1) });
    expect(await run(['check', dir], fakeIo())).toBe(1); // nothing to check: a wrong path in CI must fail
    fs.writeFileSync(path.join(dir, 'm.expected.yaml'), 'schemaVersion: 0\n');
    const io = fakeIo({ color: true });
    expect(await run(['check', dir], io)).toBe(1);
    expect(io.stderr()).toMatch(/\x1b\[31m0\x1b\[39m/);
  });

  it('protokoll check fixtures/ passes: every fixture converts to its reviewed expected output', async () => {
    const io = fakeIo();
    const code = await run(['check', fixtures], io);
    expect(io.stderr()).toMatch(/(\d+) matching, 0 failing, of \1 checked/);
    expect(code).toBe(0);
    expect(io.stderr()).not.toMatch(/^error/m);
  });
});
