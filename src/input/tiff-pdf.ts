// Wraps one TIFF page in a one-page PDF, so that pdf.js decodes it: TIFF's codecs (CCITT G3/G4, LZW, PackBits,
// Deflate) are PDF's filters, and protokoll already renders PDF pages for OCR.
import { inflateSync } from 'node:zlib';
import type { TiffIfd } from './image.js';

/** A TIFF strip or tile that decodes to more than its pixels hold: a small one can otherwise expand to gigabytes. */
export class TiffBombError extends Error {}

/** Why a TIFF page cannot be decoded, or null when it can. */
export function tiffProblem(d: TiffIfd): string | null {
  const bits = d.bits[0] ?? 1;
  const colours = d.photometric === 2 ? 3 : d.photometric === 5 ? 4 : 1;
  if (d.planar !== 1 && d.samples > 1) return 'its colour planes are stored separately (planar configuration 2)';
  if (d.bits.some((b) => b !== bits) || ![1, 2, 4, 8].includes(bits)) return `${d.bits.join('/')}-bit samples are not supported`;
  if (![0, 1, 2, 3, 5].includes(d.photometric)) return `its colour model (photometric ${d.photometric}) is not supported`;
  if (d.samples !== colours + d.extraSamples || d.extraSamples > 0) return 'images with an alpha channel are not supported';
  if (d.photometric === 3 && d.colorMap.length < 3 * 2 ** bits) return 'its palette is missing';
  if (d.strips.length === 0 || d.strips.length !== d.stripBytes.length) return 'it has no image data';
  if ([2, 3, 4].includes(d.compression) && bits !== 1) return 'fax compression needs a 1-bit image';
  return null;
}

const REVERSED = (() => {
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let r = 0;
    for (let b = 0; b < 8; b++) if (i & (1 << b)) r |= 0x80 >> b;
    t[i] = r;
  }
  return t;
})();

/** The filter and its parameters that decode one strip or tile of `width` × `rows` pixels. */
function filter(d: TiffIfd, width: number, rows: number): string {
  const bits = d.bits[0] ?? 1;
  const predictor = d.predictor === 2 ? ` /DecodeParms << /Predictor 2 /Colors ${d.samples} /BitsPerComponent ${bits} /Columns ${width} >>` : '';
  switch (d.compression) {
    case 1: return '';
    case 2: return ` /Filter /CCITTFaxDecode /DecodeParms << /K 0 /Columns ${width} /Rows ${rows} /EncodedByteAlign true >>`;
    // Group 3 in TIFF starts every row with an end-of-line code, padded so that it ends on a byte (T4Options bit 2);
    // pdf.js finds each code by skipping zero bits, which copes with the padding without being told about it.
    case 3: return ` /Filter /CCITTFaxDecode /DecodeParms << /K ${d.t4Options & 1 ? 1 : 0} /Columns ${width} /Rows ${rows} /EndOfLine true >>`;
    case 4: return ` /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${width} /Rows ${rows} >>`;
    case 5: return ` /Filter /LZWDecode${predictor}`;
    case 32773: return ' /Filter /RunLengthDecode';
    default: return ` /Filter /FlateDecode${predictor}`; // 8, 32946: Deflate
  }
}

function colourSpace(d: TiffIfd): string {
  const bits = d.bits[0] ?? 1;
  if (d.photometric === 2) return '/DeviceRGB';
  if (d.photometric === 5) return '/DeviceCMYK';
  if (d.photometric === 3) {
    const n = 2 ** bits;
    const hex: string[] = [];
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) hex.push((d.colorMap[c * n + i]! >> 8).toString(16).padStart(2, '0'));
    return `[/Indexed /DeviceRGB ${n - 1} <${hex.join('')}>]`;
  }
  return '/DeviceGray';
}

/**
 * A PDF whose one page shows the TIFF page at its size in points (its resolution, or 72 dpi when the file states
 * none), each strip or tile an image of its own, since each is coded on its own.
 */
export function tiffPagePdf(file: Uint8Array, d: TiffIfd): Uint8Array {
  const bits = d.bits[0] ?? 1;
  const scale = 72 / (d.dpi ?? 72);
  const pageW = d.width * scale;
  const pageH = d.height * scale;
  const tiled = d.tileWidth > 0 && d.tileLength > 0;
  const across = tiled ? Math.ceil(d.width / d.tileWidth) : 1;
  // Fax codes white as 0 and TIFF says how to show it; for other data photometric 0 means "0 is white".
  const fax = [2, 3, 4].includes(d.compression);
  const invert = d.photometric === 0 ? !fax : d.photometric === 1 && fax;
  const decode = invert ? ' /Decode [1 0]' : '';
  const cs = colourSpace(d);

  const parts: Array<string | Uint8Array> = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (chunk: string | Uint8Array) => {
    parts.push(chunk);
    length += typeof chunk === 'string' ? Buffer.byteLength(chunk, 'latin1') : chunk.length;
  };
  const object = (n: number, head: string, stream?: Uint8Array) => {
    offsets[n] = length;
    if (stream) {
      add(`${n} 0 obj\n<<${head} /Length ${stream.length} >>\nstream\n`);
      add(stream);
      add('\nendstream\nendobj\n');
    } else {
      add(`${n} 0 obj\n${head}\nendobj\n`);
    }
  };

  add('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const draws: string[] = [];
  const names: string[] = [];
  const first = 5;
  d.strips.forEach((at, i) => {
    const x = tiled ? (i % across) * d.tileWidth : 0;
    const y = tiled ? Math.floor(i / across) * d.tileLength : i * (d.rowsPerStrip || d.height);
    const w = tiled ? d.tileWidth : d.width;
    const h = tiled ? d.tileLength : Math.min(d.rowsPerStrip || d.height, d.height - y);
    if (h <= 0 || y >= d.height) return;
    let data = file.subarray(at, Math.min(file.length, at + (d.stripBytes[i] ?? 0)));
    if (d.fillOrder === 2) data = data.map((b) => REVERSED[b]!);
    if (d.compression === 8 || d.compression === 32946) boundedInflate(data, d, w, tiled ? d.tileLength : d.rowsPerStrip || d.height);
    const n = first + names.length;
    names.push(`/I${names.length} ${n} 0 R`);
    object(n, ` /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace ${cs} /BitsPerComponent ${bits}${decode}${filter(d, w, h)}`, data);
    // PDF's y axis runs up: the strip's top row y sits at pageH - y * scale.
    draws.push(`q ${fmt(w * scale)} 0 0 ${fmt(h * scale)} ${fmt(x * scale)} ${fmt(pageH - (y + h) * scale)} cm /I${names.length - 1} Do Q`);
  });
  const content = new TextEncoder().encode(draws.join('\n'));
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${fmt(pageW)} ${fmt(pageH)}] /Resources << /XObject << ${names.join(' ')} >> >> /Contents 4 0 R >>`);
  object(4, '', content);
  const count = first + names.length;
  const xref = length;
  add(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) add(`${String(offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

  const out = new Uint8Array(length);
  let o = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      out.set(Buffer.from(p, 'latin1'), o);
      o += Buffer.byteLength(p, 'latin1');
    } else {
      out.set(p, o);
      o += p.length;
    }
  }
  return out;
}

/**
 * Refuses a Deflate strip or tile that inflates to more than its `rows` rows of `width` pixels: pdf.js inflates a
 * whole stream, however little of it the image needs. The check stops inflating at the bound, so costs no more.
 */
function boundedInflate(data: Uint8Array, d: TiffIfd, width: number, rows: number): void {
  const room = Math.ceil((width * d.samples * (d.bits[0] ?? 1)) / 8) * rows;
  try {
    inflateSync(data, { maxOutputLength: Math.max(1, room) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TiffBombError('a strip inflates to more than its page holds');
    // Damaged data is pdf.js's to report as it draws what it can.
  }
}

const fmt = (n: number) => (Math.round(n * 1e5) / 1e5).toString();
