// Turns input bytes into an InputDocument: detects the type, then reads text, PDF text layers or images.
import { createHash } from 'node:crypto';
import type { InputDocument, RawPage } from '../document.js';
import { warning } from '../document.js';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import { detectType } from './detect.js';
import { readPdfTextLayer } from './pdf.js';
import { textToPages } from './text.js';

export interface ReadOptions {
  /** Password for encrypted PDFs. */
  password?: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readInput(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<InputDocument> {
  const type = detectType(bytes);
  const base = { file, sha256: sha256(bytes) };
  switch (type.kind) {
    case 'empty':
      throw new InputError('input-empty', 'the file is empty', { file });
    case 'binary':
      throw new InputError('input-binary', `not a PDF, image or text file: it looks like ${type.what}`, { file });
    case 'image':
      throw new InputError('image-needs-ocr', `this is a ${type.format.toUpperCase()} image; reading it needs OCR, which this build cannot do`, { file });
    case 'pdf': {
      const pages = await readPdfTextLayer(bytes, file, { password: options.password });
      const warnings = pages
        .filter((p) => p.lines.every((l) => l.text.trim() === ''))
        .map((p) => warning('page-no-text', `page ${p.number} has no text layer (a scanned page needs OCR)`, { page: p.number, line: 1 }));
      return { ...base, format: 'pdf', pages, warnings };
    }
    case 'text': {
      const decoded = decodeText(bytes, file);
      const warnings = decoded.encoding === 'windows-1252'
        ? [warning('input-encoding-fallback', 'the text is not valid UTF-8; it was read as Windows-1252')]
        : [];
      const pages: RawPage[] = textToPages(decoded.text);
      return { ...base, format: 'text', pages, warnings };
    }
  }
}
