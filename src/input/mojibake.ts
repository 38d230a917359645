// Text whose UTF-8 was once read as Windows-1252 or Latin-1 and saved again: "pensionÃ¤rsrÃ¥det", "Â§ 18", "13.30â€“15.45".

// Windows-1252's 0x80–0x9F, by the character each byte decodes to.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const BYTE_OF = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE_OF.set(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b), b);

/** A UTF-8 lead byte (0xC2–0xF4) read as a character, then one to three continuation bytes (0x80–0xBF) read as characters. */
const CONT = `[\\u0080-\\u00bf${[...CP1252_HIGH].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
const SEQUENCE = new RegExp(`[\\u00c2-\\u00f4]${CONT}{1,3}`, 'g');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many of a text's characters are such sequences that decode to one letter or sign. */
function garbled(text: string): number {
  let n = 0;
  for (const m of text.matchAll(SEQUENCE)) if (redecode(m[0]) !== null) n++;
  return n;
}

function redecode(seq: string): string | null {
  const bytes = [...seq].map((c) => BYTE_OF.get(c));
  if (bytes.some((b) => b === undefined)) return null;
  try {
    const s = utf8.decode(new Uint8Array(bytes as number[]));
    return [...s].length === 1 ? s : null;
  } catch {
    return null;
  }
}

/**
 * Undoes the double encoding where it plainly happened: at least three sequences decode back to single characters
 * and they outnumber the å/ä/ö written correctly. Each sequence is decoded on its own, so correct text beside it stays.
 */
export function repairMojibake(text: string): { text: string; repaired: number } {
  const n = garbled(text);
  if (n < 3) return { text, repaired: 0 };
  const native = (text.match(/[åäöÅÄÖ]/g) ?? []).length;
  if (native > n) return { text, repaired: 0 };
  let repaired = 0;
  const out = text.replace(SEQUENCE, (seq) => {
    const s = redecode(seq);
    if (s === null) return seq;
    repaired++;
    return s;
  });
  return { text: out, repaired };
}
