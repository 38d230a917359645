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
 * to the right) come out level; what comes in from outside the page is white, and the size stays. This is
 * Leptonica's area-map rotation of a grey image (pixRotateAMGray: bilinear weights in sixteenths of a pixel, single
 * precision), the one tesseract.js applied when it straightened pages itself: on the typewriter scan a plain
 * bilinear rotation, different by a grey level here and there, read headings' marks differently ("f44 NÄRVARANDE"
 * became "ät NÄRVARANDE") and cost half the structure score.
 */
export function rotate(page: GreyImage, angle: number): GreyImage {
  const { pixels: src, width: w, height: h } = page;
  const out = new Uint8Array(w * h);
  const f = Math.fround;
  // Leptonica turns clockwise for a positive angle; a slope falling to the right is levelled by turning back.
  const sina = f(16 * f(Math.sin(-angle)));
  const cosa = f(16 * f(Math.cos(-angle)));
  const xcen = w >> 1;
  const ycen = h >> 1;
  const wm2 = w - 2;
  const hm2 = h - 2;
  for (let i = 0; i < h; i++) {
    const ydif = ycen - i;
    const row = i * w;
    for (let j = 0; j < w; j++) {
      const xdif = xcen - j;
      const xpm = Math.trunc(f(f(-xdif * cosa) - f(ydif * sina)));
      const ypm = Math.trunc(f(f(-ydif * cosa) + f(xdif * sina)));
      const xp = xcen + (xpm >> 4);
      const yp = ycen + (ypm >> 4);
      if (xp < 0 || yp < 0 || xp > wm2 || yp > hm2) {
        out[row + j] = 255;
        continue;
      }
      const xf = xpm & 0x0f;
      const yf = ypm & 0x0f;
      const k = yp * w + xp;
      const v = (16 - xf) * (16 - yf) * src[k]! + xf * (16 - yf) * src[k + 1]! + (16 - xf) * yf * src[k + w]! + xf * yf * src[k + w + 1]!;
      out[row + j] = (v + 128) >> 8;
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
