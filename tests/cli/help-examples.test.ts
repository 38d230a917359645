// Issue 13 point 17: every example in every --help runs, as written, from the repository root.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../batch/tree.js';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/protokoll.js');
const COMMANDS = ['', 'convert', 'check', 'validate', 'repair', 'schema', 'export', 'explain', 'review'];

function examples(): string[] {
  const all: string[] = [];
  for (const cmd of COMMANDS) {
    const help = execFileSync(process.execPath, [bin, ...(cmd ? [cmd] : []), '--help'], { encoding: 'utf8' });
    all.push(...[...help.matchAll(/^\s+\$ (protokoll .+)$/gm)].map((m) => m[1]!));
  }
  return [...new Set(all)];
}

/** Runs a shell line; resolves with its exit code and stderr. */
function sh(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it('every --help example runs from the repository root and exits 0', async () => {
  expect(fs.existsSync(path.join(repo, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
  // An example that pipes into a tool the machine lacks (jq) cannot run here; it is named, not silently passed.
  const hasJq = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' }).status === 0;
  const all = examples();
  const list = all.filter((e) => hasJq || !/\|\s*jq\b/.test(e));
  if (list.length < all.length) console.warn(`skipped (jq is not installed): ${all.filter((e) => !list.includes(e)).join('; ')}`);
  expect(list.length).toBeGreaterThan(15);
  // A scratch copy of the repository root: fixtures/ as it is, so what the examples write lands outside the repo.
  const cwd = tempDir('protokoll-examples-');
  fs.symlinkSync(path.join(repo, 'fixtures'), path.join(cwd, 'fixtures'), 'dir');
  const shims = path.join(cwd, '.bin');
  fs.mkdirSync(shims);
  fs.writeFileSync(path.join(shims, 'protokoll'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
  const env = { ...process.env, PATH: `${shims}:${process.env.PATH}`, NO_COLOR: '1' };
  const failures: string[] = [];
  // Two at a time (the CI machine has two cores); examples that write the same file write the same content.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < list.length) {
      const example = list[next++]!;
      const r = await sh(example, cwd, env);
      if (r.code !== 0) failures.push(`${example}\n  exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join('\n  ')}`);
    }
  };
  await Promise.all([lane(), lane()]);
  expect(failures).toEqual([]);
}, 300_000);
