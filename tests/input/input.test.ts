import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/input/decode.js';
import { detectType } from '../../src/input/detect.js';
import { readInput } from '../../src/input/read.js';
import { textToPages } from '../../src/input/text.js';

const fixture = (p: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures', p));

describe('type detection by bytes', () => {
  it('finds PDFs, images, text and other binaries whatever the name', () => {
    expect(detectType(fixture('pdf-gr-kommunchefer/input.pdf')).kind).toBe('pdf');
    expect(detectType(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toEqual({ kind: 'image', format: 'png' });
    expect(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ kind: 'image', format: 'jpeg' });
    expect(detectType(Buffer.from('II*\0xxxx', 'latin1'))).toEqual({ kind: 'image', format: 'tiff' });
    expect(detectType(Buffer.from('PK\x03\x04rest', 'latin1'))).toMatchObject({ kind: 'binary', what: expect.stringContaining('ZIP') });
    expect(detectType(Buffer.from('\x7fELF\x02\x01', 'latin1'))).toMatchObject({ kind: 'binary' });
    expect(detectType(Buffer.from('Protokoll fört vid sammanträde'))).toEqual({ kind: 'text' });
    expect(detectType(new Uint8Array())).toEqual({ kind: 'empty' });
  });
});

describe('text decoding', () => {
  it('reads UTF-8, and falls back to Windows-1252 for old archives', () => {
    expect(decodeText(Buffer.from('Mötets öppnande'), 'x')).toEqual({ text: 'Mötets öppnande', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('M\xf6tets \xf6ppnande \x96 \xe5r', 'latin1'), 'x')).toEqual({ text: 'Mötets öppnande – år', encoding: 'windows-1252' });
  });
  it('reads UTF-16 with a byte order mark', () => {
    expect(decodeText(Buffer.from('\ufeffÅr 2024', 'utf16le'), 'x').text).toBe('År 2024');
  });
  it('records a warning when it falls back', async () => {
    const doc = await readInput(Buffer.from('Protokoll\nM\xf6tets \xf6ppnande', 'latin1'), 'old.txt');
    expect(doc.warnings.map((w) => w.code)).toEqual(['input-encoding-fallback']);
    expect(doc.pages[0]!.lines[1]!.text).toBe('Mötets öppnande');
  });
});

describe('text pages', () => {
  it('splits at form feeds and page-marker comments, numbering lines within each page', () => {
    const pages = textToPages('a\nb\fc\n<!-- sida 3 -->\nd');
    expect(pages.map((p) => [p.number, p.lines.map((l) => `${l.line}:${l.text}`)])).toEqual([[1, ['1:a', '2:b']], [2, ['1:c']], [3, ['1:d']]]);
  });
});

describe('PDF text layer', () => {
  it('keeps page numbers, turns tab stops into tabs and marks wrapped lines', async () => {
    const doc = await readInput(fixture('pdf-krf-halland-2024/input.pdf'), 'krf.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const first = doc.pages[0]!.lines;
    expect(first[1]!.text).toBe('Plats och tid\tHelsingborg, Elite Hotel Marina Plaza, 21 augusti, kl. 12,00, till 22 augusti, kl. 13.00');
    expect(first[2]!.text.startsWith('Tjänstepersoner\tMikaela Waltersson')).toBe(true);
    expect(first[2]!.wrapped).toBe(true);
    expect(first[1]!.wrapped).toBe(false);
  });
});
