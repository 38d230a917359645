// Issue 13 point 1: `protokoll convert <folder> --format ndjson | head -1` ends quietly with exit 0 (a real process and pipe).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listTree, minutes, tempDir, writeTree } from '../batch/tree.js';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/protokoll.js');

it('a reader that closes stdout early ends the run quietly: exit 0, no stack trace, no temporary files', async () => {
  expect(fs.existsSync(path.join(repo, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
  const root = tempDir('protokoll-epipe-');
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`d${i % 4}/m${i}.txt`] = minutes(i);
  const input = writeTree(path.join(root, 'in'), files);
  const report = path.join(root, 'report.json');
  const child = spawn(process.execPath, [bin, 'convert', input, '--format', 'ndjson', '-j', '2', '--report', report], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Like `head -1`: read one line, then close the pipe.
  const first = await new Promise<string>((resolve) => {
    let buf = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      buf += s;
      if (buf.includes('\n')) resolve(buf.slice(0, buf.indexOf('\n')));
    });
  });
  child.stdout.destroy();
  expect(JSON.parse(first).schemaVersion).toBe(1);
  expect(await exited).toBe(0);
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  expect(r.summary.interrupted).toBe(true);
  expect(r.inputs.filter((i: { status: string }) => i.status === 'converted').length).toBeLessThan(60);
  expect(listTree(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
