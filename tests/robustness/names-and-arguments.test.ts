// File names at the edges (long, not UTF-8, under a read-only parent) and wrong library arguments: each gets its true reason.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { convert } from '../../src/convert.js';
import { ArgumentError, ProtokollError } from '../../src/errors.js';
import { tempPathFor, writeFileAtomic } from '../../src/output/write.js';
import { listTree, minutes, tempDir } from '../batch/tree.js';
import { fakeIo } from '../cli/fake-io.js';

describe('temporary names', () => {
  it('stay within 255 bytes when the output name itself just fits', () => {
    for (const base of ['p'.repeat(250) + '.json', 'ö'.repeat(125) + '.json', '😀'.repeat(62) + '.json']) {
      const tmp = path.basename(tempPathFor(`/out/${base}`, '12345.abcdef12'));
      expect(Buffer.byteLength(tmp)).toBeLessThanOrEqual(255);
      expect(tmp).toMatch(/^\..+\.12345\.abcdef12\.tmp$/);
      expect(tmp).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(path.basename(tempPathFor('/out/a.json', '1.2'))).toBe('.a.json.1.2.tmp');
  });
  it('an input whose output name is 255 bytes long converts', async () => {
    const root = tempDir('protokoll-longname-');
    const name = 'p'.repeat(250) + '.txt';
    fs.mkdirSync(path.join(root, 'in'));
    fs.writeFileSync(path.join(root, 'in', name), minutes(1));
    const io = fakeIo();
    expect(await run(['convert', path.join(root, 'in'), '-o', path.join(root, 'out'), '-q'], io)).toBe(0);
    expect(io.stderr()).toBe('');
    expect(listTree(path.join(root, 'out'))).toEqual(['p'.repeat(250) + '.json']);
  });
});

describe('names that are not UTF-8', () => {
  it('are read by their bytes and written under their Windows-1252 reading', async () => {
    const root = tempDir('protokoll-latin1-');
    const input = path.join(root, 'in');
    fs.mkdirSync(input);
    // "Protokoll möte.txt" and a folder "År 2019", named in Latin-1 as old Windows archives are.
    fs.writeFileSync(Buffer.from(`${input}/Protokoll m\xf6te.txt`, 'latin1'), minutes(1));
    fs.mkdirSync(Buffer.from(`${input}/\xc5r 2019`, 'latin1'));
    fs.writeFileSync(Buffer.from(`${input}/\xc5r 2019/ks.txt`, 'latin1'), minutes(2));
    const io = fakeIo();
    expect(await run(['convert', input, '-o', path.join(root, 'out'), '-q'], io)).toBe(0);
    expect(io.stderr()).toBe('');
    expect(listTree(path.join(root, 'out'))).toEqual(['Protokoll möte.json', path.join('År 2019', 'ks.json')]);
  });
  it('named on the command line, where Node has already damaged it, the reason says so', async () => {
    const io = fakeIo();
    expect(await run(['convert', '/tmp/Protokoll m\ufffdte.txt'], io)).toBe(1);
    expect(io.stderr()).toBe('protokoll: /tmp/Protokoll m\ufffdte.txt: the name is not valid UTF-8, which Node cannot pass on; give the folder that holds it instead\n');
  });
});

describe('an output folder on a read-only file system', () => {
  afterEach(() => vi.restoreAllMocks());
  it('says so, where Node reports ENOENT from mkdir', async () => {
    const root = tempDir('protokoll-rofs-');
    // What Node's recursive mkdir reports when a parent cannot be made on a read-only file system.
    vi.spyOn(fsp, 'mkdir').mockRejectedValue(Object.assign(new Error(`ENOENT: no such file or directory, mkdir '${root}/out/a'`), { code: 'ENOENT' }));
    vi.spyOn(fsp, 'access').mockRejectedValue(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }));
    const error = await writeFileAtomic(path.join(root, 'out/a/x.json'), '{}').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'output-failed', message: `cannot create the output folder ${root}/out/a: the file system is read-only` });
    fs.writeFileSync(path.join(root, 'm.txt'), minutes(3));
    const io2 = fakeIo();
    expect(await run(['convert', path.join(root, 'm.txt'), '-o', path.join(root, 'out')], io2)).toBe(1);
    expect(io2.stderr()).toBe(`protokoll: ${root}/out: cannot use as output folder: the file system is read-only\n`);
  });
});

describe('library arguments', () => {
  const bytes = Buffer.from('PROTOKOLL\n§ 1 Öppnande\n');
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    ['convert(null)', () => convert(null as never), /convert\(input\): expected a file path, a file: URL or bytes .*, got null/],
    ['convert(42)', () => convert(42 as never), /got number 42/],
    ['convert(new URL(http))', () => convert(new URL('http://example.com/p.pdf')), /only file: URLs can be read \(nothing is downloaded\), got http:/],
    ['convert(buf, null)', () => convert(bytes, null as never), /options must be an object, got null/],
    ['convert(buf, { fileName: 5 })', () => convert(bytes, { fileName: 5 } as never), /options\.fileName: .*expected string/],
    ['convert(buf, { ocr: "sometimes" })', () => convert(bytes, { ocr: 'sometimes' } as never), /options\.ocr/],
    ["convert('')", () => convert(''), /got an empty string/],
  ];
  for (const [name, call, message] of cases) {
    it(`${name} is an ArgumentError with its code`, async () => {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArgumentError);
      expect(error).toBeInstanceOf(ProtokollError);
      expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(message) });
    });
  }
  it('a file: URL and unknown extra options still work', async () => {
    const root = tempDir('protokoll-url-');
    fs.writeFileSync(path.join(root, 'm.txt'), minutes(4));
    const doc = await convert(new URL(`file://${root}/m.txt`), { somethingNewer: true } as never);
    expect(doc.source.file).toBe('m.txt');
  });
});
