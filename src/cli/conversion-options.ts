// The conversion options every converting command takes (convert, check), defined once so a new one reaches both.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ConvertOptions } from '../convert.js';
import { parsePageSelection, type PageSelection } from '../input/pages.js';
import type { OcrMode } from '../ocr/documents.js';
import { OCR_ENGINES, type OcrEngineChoice } from '../ocr/engine.js';
import { parseLang } from '../ocr/lang.js';

export interface ConversionCliOptions {
  ocr?: OcrMode;
  ocrEngine?: OcrEngineChoice;
  lang?: string;
  pageTimeout?: number;
  pdfPageTimeout?: number;
  pdfTimeout?: number;
  repair: boolean;
  password?: string;
  pages?: PageSelection;
  /** A document with any warning fails. */
  strict?: boolean;
}

/** Checked up front, so a typo fails before a long batch starts rather than at its first scan. */
export function langOption(value: string): string {
  try {
    return parseLang(value).join('+');
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function pagesOption(value: string): PageSelection {
  try {
    return parsePageSelection(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

export function addConversionOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--ocr <mode>', 'when to read pages by OCR: auto (pages without a usable text layer, and images), always, never').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--ocr-engine <engine>', 'OCR engine: auto (native tesseract when installed with the language, else the built-in tesseract.js), native, wasm').choices([...OCR_ENGINES]).default('auto'))
    .option('--lang <codes>', 'OCR language: swe, eng or swe+eng (protokoll --list-langs lists them)', langOption, 'swe')
    .option('--page-timeout <seconds>', 'give up OCR of one page after this long, with a warning', positiveInt, 120)
    .option('--pdf-page-timeout <seconds>', 'give up reading one PDF page (text, drawing, rendering; OCR not counted) after this long, with a warning', positiveInt, 20)
    .option('--pdf-timeout <seconds>', 'refuse a PDF whose reading (OCR not counted) takes longer than this', positiveInt, 120)
    .option('--pages <list>', 'convert only these pages, e.g. 1-3,7 or 5- (page numbers stay those of the document)', pagesOption)
    .option('--no-repair', 'do not restore lost diacritics or undo OCR confusions')
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--strict', 'a document with any warning counts as failed (exit 1)');
}

/** The library options these command-line options stand for (the OCR pool is the command's own business). */
export function convertOptionsFrom(opts: ConversionCliOptions): ConvertOptions {
  return {
    repair: opts.repair,
    password: opts.password,
    ocr: opts.ocr,
    ocrEngine: opts.ocrEngine,
    lang: opts.lang,
    pageTimeoutMs: opts.pageTimeout !== undefined ? opts.pageTimeout * 1000 : undefined,
    pdfPageTimeoutMs: opts.pdfPageTimeout !== undefined ? opts.pdfPageTimeout * 1000 : undefined,
    pdfTimeoutMs: opts.pdfTimeout !== undefined ? opts.pdfTimeout * 1000 : undefined,
    pages: opts.pages,
  };
}
