// A small seeded fuzz run (scripts/fuzz/run.mjs is the long one): mutated fixture PDFs and images each end, in bounded
// time, as a valid document or as a typed error whose code the README documents, in one line.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { ProtokollError } from '../../src/errors.js';
import { PdfReaderPool } from '../../src/input/pdf-reader/pool.js';
import { OcrPool } from '../../src/ocr/pool.js';
import { validateMinutes } from '../../src/schema/validate.js';
import { mutate, type FuzzSource } from '../../scripts/fuzz/mutate.mjs';
import { bmp8 } from './image-builder.js';

const repo = path.resolve(import.meta.dirname, '../..');
const SEED = 11;
const CASES = 32;
/** Far above the limits the cases run under (5 s a page, 15 s a PDF, 10 s of OCR a page): reaching it is a hang. */
const HANG_MS = 45_000;

/** A small greyscale PNG with a few dark bars, so that a mutation which still decodes costs little OCR. */
function smallPng(): Buffer {
  const w = 160, h = 48;
  const rows = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    rows[y * (w + 1)] = 0;
    if (y % 12 < 6) for (let x = 10; x < 150; x += 7) rows[y * (w + 1) + 1 + x] = 0;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function smallBmp(): Buffer {
  const w = 64, h = 32;
  return bmp8(w, h, Math.floor((8 * w + 31) / 32) * 4 * h);
}

const sources: FuzzSource[] = [
  ...fs.readdirSync(path.join(repo, 'fixtures')).filter((d) => d.startsWith('pdf-')).map((d) => ({ name: d, format: 'pdf', bytes: fs.readFileSync(path.join(repo, 'fixtures', d, 'input.pdf')) })),
  { name: 'small.png', format: 'png', bytes: smallPng() },
  { name: 'small.bmp', format: 'bmp', bytes: smallBmp() },
];

/** Every error code the README names (in backticks), which is what "documented" means here. */
const documented = new Set([...fs.readFileSync(path.join(repo, 'README.md'), 'utf8').matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]!));

describe(`fuzz: ${CASES} mutated PDFs and images (seed ${SEED})`, () => {
  const ocrPool = new OcrPool({ jobs: 1 });
  const pdfReaders = new PdfReaderPool({ maxIdle: 1 });
  afterAll(async () => {
    await Promise.all([ocrPool.terminate(), pdfReaders.terminate()]);
  });

  it('every case converts or is refused with a documented code, in bounded time', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = mutate(sources, SEED, i);
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<'hang'>((resolve) => { timer = setTimeout(() => resolve('hang'), HANG_MS); });
      const work = convert(c.bytes, { fileName: c.name, ocrPool, pdfReaders, pageTimeoutMs: 10_000, pdfPageTimeoutMs: 5_000, pdfTimeoutMs: 15_000 })
        .then((doc) => ({ doc }), (error: unknown) => ({ error }));
      const result = await Promise.race([work, hang]);
      clearTimeout(timer);
      expect(result, `${c.name} hung`).not.toBe('hang');
      if (result === 'hang') continue;
      if ('doc' in result) {
        expect(validateMinutes(result.doc).ok, c.name).toBe(true);
        outcomes.push('converted');
      } else {
        const error = result.error as ProtokollError;
        expect(error, `${c.name}: ${String(error)}`).toBeInstanceOf(ProtokollError);
        expect(documented, `${c.name}: code ${error.code} is not in the README`).toContain(error.code);
        expect(error.message, c.name).not.toMatch(/\n|internal error/);
        outcomes.push(error.code);
      }
    }
    // The mutations reach both ends: some files still convert, some are refused.
    expect(outcomes).toContain('converted');
    expect(outcomes.some((o) => o !== 'converted')).toBe(true);
  }, 240_000);
});
