// Issue 13 point 17: the OCR pool a library user passes is creatable through the public API (README example, run as written).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

it('the README example makes a pool with createOcrPool and converts a scan with it', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /<!-- library-ocr-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-readme-ocr-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'protokoll'), 'dir');
  fs.writeFileSync(path.join(dir, 'example.mjs'), block!);
  const out = execFileSync(process.execPath, [path.join(dir, 'example.mjs')], { cwd: root, encoding: 'utf8' });
  expect(out).toBe('image ocr\n');
});
