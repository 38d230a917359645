// Finds the OCR language models installed with the package, so tesseract.js never downloads or caches one.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { OcrError, UsageError } from '../errors.js';

const require = createRequire(import.meta.url);

/** Languages whose models ship as npm dependencies (@tesseract.js-data/<code>). */
export const LANGUAGES = ['swe', 'eng'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Parses `swe` or `swe+eng` into known language codes; anything else is a usage error. */
export function parseLang(lang: string): Language[] {
  const codes = lang.trim().split('+').map((c) => c.trim().toLowerCase());
  const bad = codes.filter((c) => !(LANGUAGES as readonly string[]).includes(c));
  if (codes.length === 0 || bad.length > 0) {
    throw new UsageError('usage', `unknown OCR language "${bad.join('+') || lang}"; available: ${LANGUAGES.join(', ')} (combine with +, e.g. swe+eng)`);
  }
  return [...new Set(codes)] as Language[];
}

/**
 * The integer-quantised LSTM model file (`<code>.traineddata.gz`). Its existence is checked here
 * because tesseract.js hangs rather than fails when the file is missing.
 */
export function modelFile(code: Language): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  } catch (error) {
    throw new OcrError('ocr-unavailable', `the OCR model for "${code}" is not installed (npm package @tesseract.js-data/${code})`, { cause: error });
  }
  const file = path.join(dir, '4.0.0_best_int', `${code}.traineddata.gz`);
  if (!fs.existsSync(file)) throw new OcrError('ocr-unavailable', `the OCR model file ${file} is missing`);
  return file;
}

export interface LangDir {
  /** Folder holding `<code>.traineddata.gz` for every language asked for. */
  dir: string;
  /** Removes the folder when it was made for this call; a no-op for a single installed language. */
  dispose(): void;
}

/**
 * tesseract.js reads every language from one folder, and its `[{code, data}]` form is broken in 7.0.0.
 * One language is read where npm put it; several are linked into a private temporary folder.
 */
export function languageDir(langs: readonly Language[]): LangDir {
  const files = langs.map(modelFile);
  if (files.length === 1) return { dir: path.dirname(files[0]!), dispose: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ocr-'));
  const dispose = () => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.off('exit', dispose);
  };
  process.on('exit', dispose);
  try {
    for (const file of files) {
      const target = path.join(dir, path.basename(file));
      try {
        fs.symlinkSync(file, target);
      } catch {
        fs.copyFileSync(file, target); // file systems without symlinks
      }
    }
  } catch (error) {
    dispose();
    throw new OcrError('ocr-unavailable', `cannot prepare the OCR models for ${langs.join('+')}`, { cause: error });
  }
  return { dir, dispose };
}
