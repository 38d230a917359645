// The page image both engines read: greyscale pixels, straightened, sent as an uncompressed TIFF that states its resolution.
import { deskewAngle, estimateSkew } from './preprocess.js';

/** A greyscale page in memory (8 bits per pixel, rows top to bottom). */
export interface GreyImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** Pixels per inch, null when unknown (Tesseract then estimates it from the text size). */
  dpi: number | null;
}

export interface PreparedPage {
  /** The encoded image for the engine. */
  image: Uint8Array;
  /** The rotation applied, in radians (0 when the page was straight enough). */
  rotated: number;
}

/**
 * Straightens the page when its text lines slope by a degree or more (preprocess.ts says why), and encodes it.
 * `skew` is the measured slope when the caller measured it already; otherwise it is measured here.
 */
export function preparePage(page: GreyImage, skew?: number): PreparedPage {
  const angle = deskewAngle(skew ?? estimateSkew(page.pixels, page.width, page.height));
  const straight = angle ? rotate(page, angle) : page;
  return { image: encodeTiff(straight), rotated: angle };
}

/**
 * Rotates the page about its centre so that lines sloping by `angle` (radians, image coordinates: positive falls
 * to the right) come out level. Bilinear sampling; what comes in from outside the page is white. Same size out.
 */
export function rotate(page: GreyImage, angle: number): GreyImage {
  const { pixels: src, width: w, height: h } = page;
  const out = new Uint8Array(w * h);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Source position of (x, y): the output's level row samples the input along the sloping line.
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    const row = y * w;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[row + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
      out[row + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { ...page, pixels: out };
}

/**
 * An 8-bit greyscale TIFF, uncompressed, one strip, little-endian, with the resolution when known: Leptonica in
 * both engines reads it without decoding work, and Tesseract takes the resolution from it (no per-page parameter,
 * which a native process reading a stream of pages could not be given).
 */
export function encodeTiff(page: GreyImage): Uint8Array {
  const { width, height, dpi } = page;
  const entries: Array<[tag: number, type: 3 | 4 | 5, value: number]> = [
    [256, 4, width], [257, 4, height], [258, 3, 8], [259, 3, 1], [262, 3, 1],
    [273, 4, 0 /* data offset, set below */], [277, 3, 1], [278, 4, height], [279, 4, width * height],
  ];
  if (dpi) entries.push([282, 5, 0], [283, 5, 0], [296, 3, 2]);
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalAt = ifdAt + ifdSize;
  const dataAt = rationalAt + (dpi ? 8 : 0);
  const out = new Uint8Array(dataAt + width * height);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, ifdAt, true);
  v.setUint16(ifdAt, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const e = ifdAt + 2 + i * 12;
    v.setUint16(e, tag, true);
    v.setUint16(e + 2, type, true);
    v.setUint32(e + 4, 1, true);
    if (tag === 273) v.setUint32(e + 8, dataAt, true);
    else if (type === 5) v.setUint32(e + 8, rationalAt, true); // X and Y resolution share one value
    else if (type === 3) v.setUint16(e + 8, value, true);
    else v.setUint32(e + 8, value, true);
  });
  v.setUint32(ifdAt + 2 + entries.length * 12, 0, true);
  if (dpi) {
    v.setUint32(rationalAt, Math.round(dpi), true);
    v.setUint32(rationalAt + 4, 1, true);
  }
  out.set(page.pixels.subarray(0, width * height), dataAt);
  return out;
}
