// Ctrl-C during a batch (a real process, since signals are the point): temp files removed, summary printed, exit 130.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listTree, tempDir } from '../batch/tree.js';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/protokoll.js');
// A longer real text so each conversion takes a noticeable moment.
const sample = fs.readFileSync(path.join(repo, 'fixtures/text-halsingeradet-2024-01-24/input.txt'), 'utf8');

it('SIGINT stops the batch: exit 130, summary on stderr, no temporary files, fewer outputs than inputs', async () => {
  expect(fs.existsSync(path.join(repo, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
  const root = tempDir('protokoll-sigint-');
  const input = path.join(root, 'in');
  const n = 150;
  for (let i = 0; i < n; i++) {
    fs.mkdirSync(path.join(input, `d${i % 5}`), { recursive: true });
    fs.writeFileSync(path.join(input, `d${i % 5}`, `m${i}.txt`), `${sample}\n§ ${i} Extra\n`);
  }
  const out = path.join(root, 'out');
  const child = spawn(process.execPath, [bin, 'convert', input, '-o', out, '-j', '2'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  // Send Ctrl-C as soon as the first output appears.
  const deadline = Date.now() + 20_000;
  while (!listTree(out).some((f) => f.endsWith('.json')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGINT');
  const code = await exited;

  expect(code).toBe(130);
  expect(stderr).toMatch(/Interrupted: \d+ of 150 inputs not converted/);
  expect(stderr).toMatch(/converted\s+\d+/);
  const left = listTree(out);
  expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(left.every((f) => f.endsWith('.json'))).toBe(true);
  expect(left.length).toBeGreaterThan(0);
  expect(left.length).toBeLessThan(n);
  // Every output that exists is whole.
  for (const f of left) expect(() => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8'))).not.toThrow();
});
