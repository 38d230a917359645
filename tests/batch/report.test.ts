// Issue 13 points 8 and 10: the report lists every input with its status and error code (also when stopped),
// skipped outputs keep their warnings; --fail-fast, --dry-run and --strict.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchReport } from '../../src/batch/report.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { listTree, minutes, tempDir, writeTree } from './tree.js';

const readReport = (file: string): BatchReport => BatchReport.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
/** Minutes with a date but no year: converts with the warning date-without-year. */
const withWarning = minutes(1).replace(/Datum: .*/, 'Datum: 12 mars');

describe('--report', () => {
  it('records converted, skipped (with the warnings of its output), failed (with its code) and not-started inputs, in the versioned shape', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': withWarning, 'b.txt': minutes(2), 'c.txt': '' });
    const out = path.join(root, 'out');
    const report = path.join(root, 'r.json');
    expect(await run(['convert', input, '-o', out, '--report', report, '-j', '1'], fakeIo())).toBe(1);
    const first = readReport(report);
    expect(first).toMatchObject({ reportVersion: 1, tool: { name: 'protokoll' }, schemaVersion: 1 });
    const byName = (r: BatchReport) => Object.fromEntries(r.inputs.map((i) => [i.name, i]));
    expect(byName(first)['a.txt']).toMatchObject({ status: 'converted', code: null, warnings: expect.arrayContaining(['date-without-year']) });
    expect(byName(first)['c.txt']).toMatchObject({ status: 'failed', code: 'input-empty', reason: 'the file is empty', output: null });

    expect(await run(['convert', input, '-o', out, '--report', report], fakeIo())).toBe(1);
    const second = readReport(report);
    expect(byName(second)['a.txt']).toMatchObject({ status: 'skipped', warnings: expect.arrayContaining(['date-without-year']) });
    expect(second.summary.warningsByCode['date-without-year']).toBe(1);
  });

  it('--fail-fast stops at the first failure: exit 1, the rest not started, and the report says so', async () => {
    const root = tempDir();
    const files: Record<string, string> = { 'a0-empty.txt': '' };
    for (let i = 1; i <= 6; i++) files[`m${i}.txt`] = minutes(i);
    const input = writeTree(path.join(root, 'in'), files);
    const report = path.join(root, 'r.json');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', path.join(root, 'out'), '-j', '1', '--fail-fast', '--report', report], io)).toBe(1);
    expect(io.stderr()).toMatch(/Stopped early: --fail-fast: .*a0-empty\.txt: the file is empty; 6 of 7 inputs not converted/);
    const r = readReport(report);
    expect(r.inputs.map((i) => i.status)).toEqual(['failed', ...Array(6).fill('not-started')]);
    expect(r.summary).toMatchObject({ failed: 1, notStarted: 6, stoppedBy: expect.stringContaining('--fail-fast') });
  });

  it('is written when the batch is interrupted, with in-flight inputs as interrupted, and nothing is printed after the summary', async () => {
    const root = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`m${String(i).padStart(2, '0')}.txt`] = minutes(i);
    const input = writeTree(path.join(root, 'in'), files);
    const report = path.join(root, 'r.json');
    const interrupt = new AbortController();
    const io = fakeIo({ tty: true });
    let seen = 0;
    const write = async (target: string, text: string): Promise<void> => {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      if (++seen === 3) interrupt.abort();
    };
    expect(await run(['convert', input, '-o', path.join(root, 'out'), '-j', '2', '--report', report], io, { signal: interrupt.signal, write })).toBe(130);
    const r = readReport(report);
    expect(r.inputs).toHaveLength(40);
    const statuses = r.inputs.map((i) => i.status);
    expect(statuses.filter((s) => s === 'converted').length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain('interrupted');
    expect(statuses).toContain('not-started');
    expect(r.summary.interrupted).toBe(true);
    // The summary is the last thing written: no bar redrawn, no message, after it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(io.stderr()).toMatch(/time\s+\d:\d\d \(\d+\.\d s\)\n$/);
  });

  it('is written even when nothing was found to convert', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'notes.json': '{}' });
    const report = path.join(root, 'r.json');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', path.join(root, 'out'), '--report', report], io)).toBe(1);
    expect(io.stderr()).toContain('no convertible files found');
    expect(readReport(report).walkSkipped).toHaveLength(1);
  });
});

describe('--dry-run', () => {
  it('lists what would be converted, skipped and refused, and what is not an input, writing nothing', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'a.txt': minutes(1), 'b.txt': minutes(2), 'empty.txt': '', 'x.zip': Buffer.from('PK\x03\x04', 'latin1') });
    const out = path.join(root, 'out');
    expect(await run(['convert', path.join(input, 'a.txt'), '-o', out], fakeIo())).toBe(0);
    const before = listTree(root);
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '--dry-run'], io)).toBe(0);
    expect(io.stdout().split('\n').filter(Boolean)).toEqual([
      `skip     ${path.join(input, 'a.txt')} (up to date: ${path.join(out, 'a.json')})`,
      `convert  ${path.join(input, 'b.txt')} → ${path.join(out, 'b.json')}`,
      `refuse   ${path.join(input, 'empty.txt')}: the file is empty`,
      `ignore   ${path.join(input, 'x.zip')}: not a PDF, image or text file: it looks like a ZIP archive (or an Office document)`,
    ]);
    expect(io.stderr()).toContain('dry run: 1 to convert, 1 up to date, 1 refused, 1 not inputs; nothing was written');
    expect(listTree(root)).toEqual(before);
  });
});

describe('--strict', () => {
  it('fails a document with warnings and writes no output for it (so a rerun does not skip it)', async () => {
    const root = tempDir();
    const input = writeTree(path.join(root, 'in'), { 'warn.txt': withWarning, 'clean.txt': minutes(2) });
    const out = path.join(root, 'out');
    const report = path.join(root, 'r.json');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '--strict', '--report', report], io)).toBe(1);
    expect(io.stderr()).toMatch(/warn\.txt: 1 warning \(--strict\): date-without-year/);
    expect(listTree(out)).toEqual(['clean.json']);
    expect(readReport(report).inputs.find((i) => i.name === 'warn.txt')).toMatchObject({ status: 'failed', code: 'strict-warnings' });
    expect(await run(['convert', path.join(input, 'clean.txt')], fakeIo())).toBe(0);
  });
});
