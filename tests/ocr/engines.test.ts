// The two OCR engines: the same page read alike by both, what `auto` chooses, and the native processes' life cycle
// (time limit, termination, bad images) leaving no process and no temporary image behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InputError, OcrError } from '../../src/errors.js';
import { readInput } from '../../src/input/read.js';
import { nativeProblem, probeNative } from '../../src/ocr/native.js';
import { OcrPool } from '../../src/ocr/pool.js';
import { hasProc, isTesseract, tesseractChildren } from './processes.js';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(repo, 'fixtures/ocr', name)));
const native = nativeProblem(await probeNative(), ['swe']);
const skipNative = native !== null;
const nativeTitle = (title: string) => (skipNative ? `${title} (skipped: ${native})` : title);

const made: string[] = [];
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
const savedTmp = process.env.TMPDIR;
afterEach(() => {
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function until(test: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return test();
}

const lines = (doc: { pages: Array<{ lines: Array<{ text: string }> }> }) => doc.pages.flatMap((p) => p.lines.map((l) => l.text));

describe('both engines read a page alike', () => {
  const read: Record<string, string[]> = {};
  for (const engine of ['wasm', 'native'] as const) {
    it.skipIf(engine === 'native' && skipNative)(engine === 'native' ? nativeTitle('native tesseract') : 'tesseract.js', async () => {
      const pool = new OcrPool({ jobs: 1, engine });
      try {
        const doc = await readInput(fixture('familjen-p1-top.png'), 'top.png', { ocrPool: pool });
        expect(doc.pages[0]!.ocr).toEqual({ engine: engine === 'native' ? 'tesseract' : 'tesseract.js', version: expect.stringMatching(/^\d+\.\d+/), lang: 'swe' });
        expect(lines(doc).slice(0, 2)).toEqual(['Protokoll nr 9 2025', 'Kommundirektorsmote i Familjen Helsingborg']);
        read[engine] = lines(doc);
      } finally {
        await pool.terminate();
      }
    });
  }
  it.skipIf(skipNative)(nativeTitle('with the same lines from both'), () => {
    if (!read.wasm || !read.native) return; // one of the readings above failed, and says why
    expect(read.native).toEqual(read.wasm);
  });
});

describe('choosing the engine', () => {
  it('auto falls back to tesseract.js when no tesseract is on PATH, and the CLI still converts the image', async () => {
    const bin = path.join(repo, 'bin/protokoll.js');
    expect(fs.existsSync(path.join(repo, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
    const empty = tmp('protokoll-nopath-');
    const child = spawn(process.execPath, [bin, 'convert', path.join(repo, 'fixtures/ocr/familjen-p1-top.png'), '--jobs', '1'], {
      env: { ...process.env, PATH: empty },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(0);
    expect(JSON.parse(out).source.pages[0].ocr).toMatchObject({ engine: 'tesseract.js', lang: 'swe' });
  });

  it('native without the program is a clear error naming what to install', async () => {
    const saved = process.env.PATH;
    process.env.PATH = tmp('protokoll-nopath-');
    const pool = new OcrPool({ jobs: 1, engine: 'native' });
    try {
      await expect(pool.engine()).rejects.toThrow(/no `tesseract` program on PATH.*apt-get install tesseract-ocr tesseract-ocr-swe.*brew install tesseract tesseract-lang/);
      await expect(pool.recognize({ image: fixture('familjen-p1-top.png') })).rejects.toMatchObject({ code: 'ocr-unavailable' });
    } finally {
      process.env.PATH = saved;
      await pool.terminate();
    }
  });
});

describe.skipIf(skipNative)(nativeTitle('native worker processes'), () => {
  beforeAll(() => expect(hasProc, 'these checks read /proc').toBe(true));

  it('a page over its time limit kills its process; the next page gets a new one; nothing is left behind', async () => {
    const dir = tmp('protokoll-native-tmp-');
    process.env.TMPDIR = dir;
    const pool = new OcrPool({ jobs: 1, engine: 'native' });
    try {
      await expect(pool.recognize({ image: fixture('familjen-p1-top.png'), timeoutMs: 30 })).rejects.toMatchObject({ code: 'ocr-timeout' });
      expect(await until(() => tesseractChildren(process.pid).length === 0)).toBe(true);
      const page = await pool.recognize({ image: fixture('familjen-p1-top.png') });
      expect(page.blocks?.length).toBeGreaterThan(0);
      // The page images are gone as soon as they are read; the folder goes with the pool.
      expect(fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d)))).toEqual([]);
    } finally {
      await pool.terminate();
    }
    expect(tesseractChildren(process.pid)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('terminate() during a page stops the process and fails the page', async () => {
    const dir = tmp('protokoll-native-tmp-');
    process.env.TMPDIR = dir;
    const pool = new OcrPool({ jobs: 2, engine: 'native' });
    const pages = [1, 2, 3].map(() => pool.recognize({ image: fixture('familjen-p1-top.png') }).catch((e: unknown) => e));
    expect(await until(() => tesseractChildren(process.pid).length === 2)).toBe(true);
    await pool.terminate();
    for (const p of pages) expect(await p).toBeInstanceOf(OcrError);
    expect(tesseractChildren(process.pid)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an image Tesseract cannot decode fails as image-invalid, and the pool reads on', async () => {
    const pool = new OcrPool({ jobs: 1, engine: 'native' });
    try {
      const error = await pool.recognize({ image: fixture('familjen-p1-top.png').slice(0, 3000) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ code: 'image-invalid' });
      expect((await pool.recognize({ image: fixture('familjen-p1-top.png') })).confidence).toBeGreaterThan(80);
    } finally {
      await pool.terminate();
    }
  });

  it('Ctrl-C on the CLI leaves no tesseract process and no page image behind', async () => {
    const dir = tmp('protokoll-native-tmp-');
    const child = spawn(process.execPath, [path.join(repo, 'bin/protokoll.js'), 'convert', path.join(repo, 'fixtures/ocr/mixed.pdf'), '--ocr', 'always', '--ocr-engine', 'native', '--jobs', '2'], {
      env: { ...process.env, TMPDIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(await until(() => tesseractChildren(child.pid!).length > 0, 20_000)).toBe(true);
    const pids = tesseractChildren(child.pid!);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(await until(() => pids.every((p) => !isTesseract(p)))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
