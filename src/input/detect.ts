// Tells what an input is from its bytes, never from its name.

export type DetectedType =
  | { kind: 'pdf' }
  | { kind: 'image'; format: 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp' }
  | { kind: 'text' }
  | { kind: 'binary'; what: string }
  | { kind: 'empty' };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Known binary containers that are neither PDF nor image, named so the error can say what the file is. */
const BINARY_SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a Windows executable', [0x4d, 0x5a]],
  ['a 7-Zip archive', ascii('7z\xbc\xaf')],
  ['a RAR archive', ascii('Rar!')],
  ['an old Word/Excel (OLE) file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a bzip2 archive', ascii('BZh')],
  ['a Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
];

export function detectType(bytes: Uint8Array): DetectedType {
  if (bytes.length === 0) return { kind: 'empty' };
  // The PDF header may be preceded by junk; readers accept it within the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return { kind: 'image', format: 'tiff' };
  if (startsWith(bytes, ascii('GIF8'))) return { kind: 'image', format: 'gif' };
  if (startsWith(bytes, ascii('BM')) && bytes.length > 26 && looksLikeBmp(bytes)) return { kind: 'image', format: 'bmp' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { kind: 'image', format: 'webp' };
  for (const [what, sig] of BINARY_SIGNATURES) if (startsWith(bytes, sig)) return { kind: 'binary', what };
  if (looksBinary(bytes)) return { kind: 'binary', what: 'binary data' };
  return { kind: 'text' };
}

function looksLikeBmp(b: Uint8Array): boolean {
  const headerSize = b[14]! | (b[15]! << 8);
  return headerSize === 12 || headerSize === 40 || headerSize === 108 || headerSize === 124;
}

/**
 * Text has no NUL bytes and few control characters. UTF-16 text (with a BOM) is text too.
 * Only the first 64 KiB are sampled so that huge inputs are judged quickly.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > sample.length * 0.02;
}
