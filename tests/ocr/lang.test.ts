import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageDir, modelFile, parseLang } from '../../src/ocr/lang.js';

describe('OCR languages', () => {
  it('accepts swe, eng and combinations, and nothing else', () => {
    expect(parseLang('swe')).toEqual(['swe']);
    expect(parseLang('swe+eng')).toEqual(['swe', 'eng']);
    expect(() => parseLang('fin')).toThrow(/unknown OCR language "fin"/);
    expect(() => parseLang('swe+')).toThrow(/unknown OCR language/);
  });

  it('reads one language where npm installed it, without making any folder', () => {
    const dir = languageDir(['swe']);
    expect(dir.dir).toBe(path.dirname(modelFile('swe')));
    expect(fs.existsSync(path.join(dir.dir, 'swe.traineddata.gz'))).toBe(true);
  });

  it('links two languages into one private folder and removes it afterwards', () => {
    const dir = languageDir(['swe', 'eng']);
    expect(fs.readdirSync(dir.dir).sort()).toEqual(['eng.traineddata.gz', 'swe.traineddata.gz']);
    dir.dispose();
    expect(fs.existsSync(dir.dir)).toBe(false);
  });
});
