// Large text: a file far beyond any protokoll is refused by its size; a single line of 10 MB converts without crashing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';

const words = 'och att det som en på är för med till av den har inte de om ett var men så vi kan från eller möte beslut kommun'.split(' ');

function prose(bytes: number, lineEvery: number | null): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length]!;
    parts.push(w);
    size += w.length + 1;
    if (lineEvery && i % lineEvery === lineEvery - 1) parts.push('\n');
  }
  return parts.join(' ');
}

function write(name: string, text: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-large-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { dir, file };
}

describe('large text', () => {
  it('refuses a 50 MB text file with its size, and writes nothing', async () => {
    const { dir, file } = write('huge.txt', prose(50_000_000, 12));
    const io = fakeIo();
    expect(await run(['convert', file, '-o', path.join(dir, 'out')], io)).toBe(1);
    const first = io.stderr().split('\n')[0]!;
    expect(first.startsWith(`protokoll: ${file}: the text is `)).toBe(true);
    expect(first).toMatch(/the text is 5\d\.\d MB; protokoll reads text files up to 20 MB/);
    expect(fs.existsSync(path.join(dir, 'out', 'huge.json'))).toBe(false);
  });
  it('converts a single line of 10 MB', async () => {
    const { file } = write('line.txt', prose(10_000_000, null));
    const io = fakeIo();
    expect(await run(['convert', file], io)).toBe(0);
    const doc = JSON.parse(io.stdout());
    expect(doc.document.kind).toBe('unknown');
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain('not-minutes');
  }, 120_000);
});
