// The convert command's OCR options reach the reader: images are OCR'd with one pool, --ocr never refuses them, --lang is checked up front.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from './fake-io.js';

const image = path.resolve(import.meta.dirname, '../../fixtures/ocr/familjen-p1-top.png');

describe('convert --ocr, --lang, --jobs', () => {
  it('OCRs an image with a pool of one worker and records the page as OCR with its confidence', async () => {
    const io = fakeIo();
    expect(await run(['convert', image, '--jobs', '1'], io)).toBe(0);
    const doc = JSON.parse(io.stdout());
    expect(doc.source.format).toBe('image');
    expect(doc.source.pages[0]).toMatchObject({ number: 1, text: 'ocr' });
    expect(doc.source.pages[0].ocrConfidence).toBeGreaterThan(50);
  });
  it('refuses an image with --ocr never, naming the file and the reason', async () => {
    const io = fakeIo();
    expect(await run(['convert', image, '--ocr', 'never'], io)).toBe(1);
    expect(io.stderr()).toBe(`protokoll: ${image}: this is a PNG image; reading it needs OCR, which --ocr never turns off\n`);
    expect(io.stdout()).toBe('');
  });
  it('rejects an unknown language before converting anything', async () => {
    const io = fakeIo();
    expect(await run(['convert', image, '--lang', 'fin'], io)).toBe(2);
    expect(io.stderr()).toContain('unknown OCR language "fin"');
  });
});
