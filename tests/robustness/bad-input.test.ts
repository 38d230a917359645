// Every kind of bad input gets one clear line naming the file and the reason, a non-zero exit and no output file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const pdfBytes = () => fs.readFileSync(path.join(fixtures, 'pdf-gr-kommunchefer/input.pdf'));

/** Seeded bytes, so a failure can be reproduced. */
function randomBytes(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 16;
  }
  return b;
}

async function convertOne(name: string, content: Uint8Array | string, extra: string[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-bad-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const out = path.join(dir, 'out');
  const io = fakeIo();
  const code = await run(['convert', file, '-o', out, '--quiet', ...extra], io);
  const outputs = fs.existsSync(out) ? fs.readdirSync(out, { recursive: true }) : [];
  return { code, stderr: io.stderr(), outputs, file, out, input: fs.readFileSync(file) };
}

function expectRefused(r: Awaited<ReturnType<typeof convertOne>>, reason: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(r.file);
  expect(lines[0]).toMatch(reason);
  expect(r.outputs).toEqual([]);
}

describe('bad input is refused with one clear line', () => {
  it('an empty file', async () => expectRefused(await convertOne('empty.txt', ''), /the file is empty/));
  it('random bytes', async () => expectRefused(await convertOne('noise.pdf', randomBytes(4096)), /not a PDF, image or text file/));
  it('a ZIP archive named like a PDF', async () => {
    expectRefused(await convertOne('minutes.pdf', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(500)])), /ZIP archive/);
  });
  it('an executable', async () => expectRefused(await convertOne('run.txt', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), randomBytes(300)])), /ELF executable/));
  it('text in an unknown encoding', async () => {
    // Shift_JIS bytes ("会議録" and a space, repeated): not UTF-8, and implausible as Windows-1252.
    const sjis = Buffer.from(Array.from({ length: 200 }, () => [0x89, 0xef, 0x8b, 0x63, 0x98, 0x5e, 0x20]).flat());
    expectRefused(await convertOne('gijiroku.txt', sjis), /unknown encoding/);
  });
  it('a truncated PDF', async () => expectRefused(await convertOne('cut.pdf', pdfBytes().subarray(0, 20_000)), /damaged or truncated/));
  it('a PDF with zero pages', async () => {
    const zero = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
    expectRefused(await convertOne('zero.pdf', zero), /no pages/);
  });
  it('an encrypted PDF, which --password opens', async () => {
    const enc = fs.readFileSync(path.join(fixtures, 'bad/encrypted.pdf'));
    expectRefused(await convertOne('locked.pdf', enc), /encrypted; give its password with --password/);
    expectRefused(await convertOne('locked.pdf', enc, ['--password', 'wrong']), /password is incorrect/);
    const ok = await convertOne('locked.pdf', enc, ['--password', 'secret']);
    expect(ok.code).toBe(0);
    expect(ok.outputs).toEqual(['locked.pdf.json']);
  });
  it('an image that cannot be decoded', async () => {
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(2000)]);
    expectRefused(await convertOne('scan.png', png), /image/i);
  });
  it('an image of enormous dimensions, refused before decoding', async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(60_000, 0);
    ihdr.writeUInt32BE(80_000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const chunk = Buffer.concat([Buffer.from('IHDR'), ihdr]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(chunk), 0);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(13, 0);
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), len, chunk, crc, randomBytes(100)]);
    expectRefused(await convertOne('huge.png', png), /megapixel|too large/i);
  });
  it('never modifies the input', async () => {
    const before = randomBytes(1000);
    const r = await convertOne('noise.bin.txt', before);
    expect(Buffer.compare(r.input, before)).toBe(0);
  });
});

describe('text that is not minutes converts to an empty, warned document', () => {
  const cases: Array<[string, string]> = [
    ['novel.txt', 'Kapitel 1\n\nDet var en kall dag i april, och klockorna slog tretton. Winston Smith skyndade in genom glasdörrarna.\n\nHan gick uppför trapporna.'],
    ['english.txt', 'The quarterly report shows growth in all regions.\nRevenue rose by 12 percent compared to last year.'],
    ['ledger.csv.txt', 'datum;belopp;konto\n2024-01-01;100;1930\n2024-01-02;250;1930\n'],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const r = await convertOne(name, text);
      expect(r.code).toBe(0);
      const doc = JSON.parse(fs.readFileSync(path.join(r.out, r.outputs[0] as string), 'utf8'));
      expect(doc.document.kind).toBe('unknown');
      expect(doc.document.date).toBeNull();
      expect(doc.document.title).toBeNull();
      expect([doc.attendees, doc.agenda, doc.items, doc.signatures]).toEqual([[], [], [], []]);
      expect(doc.warnings.map((w: { code: string }) => w.code)).toContain('not-minutes');
    });
  }
});
