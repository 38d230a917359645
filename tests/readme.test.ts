// The README's library example is run as written, against the package as a consumer imports it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

it('the library example in the README runs and prints what its comments say', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /<!-- library-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  // A consumer's folder: node_modules/protokoll is this package (built by `npm test` before vitest runs).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-readme-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'protokoll'), 'dir');
  fs.writeFileSync(path.join(dir, 'example.mjs'), block!);
  // The example names fixtures/ relative to the repository, so it runs from there; `protokoll` resolves from its own folder.
  const out = execFileSync(process.execPath, [path.join(dir, 'example.mjs')], { cwd: root, encoding: 'utf8' }).replace(/\n$/, '').split('\n');
  expect(out).toEqual([
    'Hälsingerådet 2024-01-24',
    '§790 Bevakningsområden 2024-2025: 1 decisions',
    '§792 Budget/verksamhetsplan 2024: 2 decisions',
    'true',
    'input-empty',
  ]);
});
