// Progress on stderr: a redrawn bar on a terminal, plain periodic lines otherwise, nothing with --quiet.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { minutes, tempDir, writeTree } from './tree.js';

function tree(): { input: string; out: string } {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) files[`m${i}.txt`] = minutes(i);
  return { input: writeTree(path.join(root, 'in'), files), out: path.join(root, 'out') };
}

/** A clock that advances one second per reading, so elapsed and estimates are predictable and non-zero. */
function ticking(): () => number {
  let t = 0;
  return () => (t += 1000);
}

describe('progress', () => {
  it('draws a bar with files, pages, elapsed and estimate on a terminal, and clears it before the summary', async () => {
    const { input, out } = tree();
    const io = fakeIo({ tty: true });
    expect(await run(['convert', input, '-o', out, '-j', '1'], io, { now: ticking() })).toBe(0);
    const err = io.stderr();
    expect(err).toContain('\r\x1b[2K');
    expect(err).toMatch(/0\/4 files · 0 pages · \d:\d\d elapsed · \? left/);
    expect(err).toMatch(/2\/4 files · 2 pages · \d:\d\d elapsed · ~\d:\d\d left/);
    expect(err).toMatch(/4\/4 files · 4 pages/);
    expect(err).toMatch(/█{24}/);
    expect(err).toMatch(/\r\x1b\[2K\n\s+converted\s+4/);
  });

  it('prints plain lines, no bar, when stderr is not a terminal', async () => {
    const { input, out } = tree();
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '-j', '1'], io, { now: ticking(), progressInterval: 2 })).toBe(0);
    const err = io.stderr();
    expect(err).not.toContain('\r');
    expect(err).not.toContain('█');
    expect(err).toMatch(/^\d\/4 files · \d pages · \d:\d\d elapsed · ~\d:\d\d left$/m);
  });

  it('prints only the summary for a short batch off a terminal, and nothing with --quiet', async () => {
    const { input, out } = tree();
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out], io)).toBe(0);
    expect(io.stderr()).not.toMatch(/files ·/);
    expect(io.stderr()).toMatch(/converted\s+4/);
    const quiet = fakeIo({ tty: true });
    expect(await run(['convert', input, '-o', out, '--force', '-q'], quiet)).toBe(0);
    expect(quiet.stderr()).toBe('');
  });
});
