// Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as old archives use.
import { InputError } from '../errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

// Bytes that Windows-1252 leaves undefined; text full of them is in some other encoding.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the archive encoding
  }
  if (!plausibleCp1252(bytes)) {
    throw new InputError('input-encoding', 'text is in an unknown encoding (neither UTF-8, UTF-16 nor Windows-1252)', { file });
  }
  return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
}

// Windows-1252's 0x80–0x9F; Node's TextDecoder treats the label as Latin-1 and would yield C1 controls here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/**
 * Windows-1252 decodes any byte, so judge the result: Swedish or English text in it uses
 * high bytes mostly for letters (åäöéü…) and typographic punctuation, and rarely leaves them undefined.
 */
function plausibleCp1252(bytes: Uint8Array): boolean {
  let high = 0, odd = 0;
  const sample = bytes.subarray(0, 1 << 20);
  for (const b of sample) {
    if (b < 0x80) continue;
    high++;
    if (CP1252_UNDEFINED.has(b)) odd++;
    // C1-range symbols other than quotes, dashes, bullet, ellipsis, euro and Š/Ž are rare in prose.
    else if (b >= 0x80 && b <= 0x9f && ![0x80, 0x82, 0x84, 0x85, 0x8a, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9a, 0x9e].includes(b)) odd++;
    // ×, ÷ and the box-drawing-like symbols of the Latin-1 range are rare too
    else if (b === 0xd7 || b === 0xf7 || (b >= 0xa1 && b <= 0xbf && ![0xa0, 0xa7, 0xa9, 0xab, 0xad, 0xb0, 0xb4, 0xbb, 0xbd].includes(b))) odd += 0.5;
  }
  if (high === 0) return true;
  return odd / high < 0.15 && high / sample.length < 0.3;
}
