// `protokoll --list-langs`: the OCR languages whose models are installed, one per line, as `tesseract --list-langs` does.
import { LANGUAGES, modelFile } from '../ocr/lang.js';

const NAMES: Record<string, string> = { swe: 'Swedish', eng: 'English' };

export function listLanguages(): string {
  const lines = LANGUAGES.map((code) => {
    let state = 'installed';
    try {
      modelFile(code);
    } catch (error) {
      state = `missing: ${(error as Error).message}`;
    }
    return `${code}\t${NAMES[code] ?? code}\t${state}\n`;
  });
  return `OCR languages (combine with +, e.g. --lang swe+eng):\n${lines.join('')}`;
}
