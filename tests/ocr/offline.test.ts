// OCR must work with no network and must not write anything (tesseract.js caches models in the working folder by default).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nativeProblem, probeNative } from '../../src/ocr/native.js';

const repo = path.resolve(import.meta.dirname, '../..');
const png = path.join(repo, 'fixtures/ocr/familjen-p1-top.png');
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;
const made: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-offline-'));
  made.push(d);
  return d;
};

beforeAll(() => {
  expect(fs.existsSync(path.join(repo, 'dist/input/read.js')), 'run `npm run build` first').toBe(true);
});
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const native = nativeProblem(await probeNative(), ['swe', 'eng']);

function runChild(lang: string, engine: 'native' | 'wasm') {
  const cwd = tmp();
  const home = tmp();
  const temp = tmp();
  const node = [process.execPath, '--import', path.join(import.meta.dirname, 'no-network.mjs'), path.join(import.meta.dirname, 'offline-child.mjs'), png, lang, engine];
  // Without a network namespace (unshare needs privileges) the preloaded guard alone proves no connection is tried.
  const [cmd, ...args] = canUnshare ? ['unshare', '-n', ...node] : node;
  const r = spawnSync(cmd!, args, { cwd, env: { ...process.env, HOME: home, TMPDIR: temp }, encoding: 'utf8', timeout: 120_000 });
  return { r, cwd, home, temp };
}

describe('the network guard', () => {
  it('traps a connection attempted from a worker thread, where OCR runs', () => {
    const dir = tmp();
    const worker = path.join(dir, 'w.cjs');
    fs.writeFileSync(worker, 'require("node:net").connect(9, "127.0.0.1").on("error", () => {});');
    const main = `new (require('node:worker_threads').Worker)(${JSON.stringify(worker)}).on('error', () => {});`;
    const r = spawnSync(process.execPath, ['--import', path.join(import.meta.dirname, 'no-network.mjs'), '-e', main], { encoding: 'utf8' });
    expect(r.stderr).toContain('NETWORK ATTEMPT: socket connect');
  });
});

describe(`OCR offline${canUnshare ? ' (in a network namespace without interfaces)' : ' (network calls trapped)'}`, () => {
  for (const engine of ['wasm', 'native'] as const) {
    const skip = engine === 'native' && native !== null;
    const name = engine === 'wasm' ? 'tesseract.js' : `native tesseract${skip ? ` (skipped: ${native})` : ''}`;

    it.skipIf(skip)(`${name}: reads a PNG page with no network and writes no file anywhere`, () => {
      const { r, cwd, home, temp } = runChild('swe', engine);
      expect(r.stderr).not.toContain('NETWORK ATTEMPT');
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { pages: Array<{ source: string; ocr: { engine: string }; text: string[] }> };
      expect(out.pages).toHaveLength(1);
      expect(out.pages[0]!.source).toBe('ocr');
      expect(out.pages[0]!.ocr.engine).toBe(engine === 'wasm' ? 'tesseract.js' : 'tesseract');
      expect(out.pages[0]!.text).toContain('Kommundirektorsmote i Familjen Helsingborg');
      // No swe.traineddata cache, no page image, nothing else either.
      expect(fs.readdirSync(cwd)).toEqual([]);
      expect(fs.readdirSync(home)).toEqual([]);
      expect(fs.readdirSync(temp)).toEqual([]);
    });

    // tesseract.js needs both models in one folder, made for the run; the native program is simply given -l swe+eng.
    it.skipIf(skip || engine === 'native')(`${name}: reads swe+eng, leaving no temporary folder`, () => {
      const { r, cwd, temp } = runChild('swe+eng', engine);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).pages[0].text).toContain('Protokoll nr 9 2025');
      expect(fs.readdirSync(cwd)).toEqual([]);
      expect(fs.readdirSync(temp)).toEqual([]);
    });
  }
});
