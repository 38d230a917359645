// The image preparation protokoll applies before OCR: only steps whose effect on accuracy and time was measured.
//
// Measured on the fixture scans (scripts/bench/ocr.mjs; figures in the OCR report):
// - Sauvola local thresholding instead of Tesseract's global Otsu: on uneven illumination Otsu turns the grey
//   half of a page into black noise that reads as lines of capitals (typewriter page 4: 60 % CER → 6 %); on
//   clean scans it changes nothing, at no cost in time.
// - Skipping Tesseract's inverted-text retry (`tessedit_do_invert`): minutes have no white-on-black text; ~4 % faster.
// - Deskew by a projection profile here (a few tens of milliseconds) rather than Tesseract's `rotateAuto`, which
//   runs a second layout analysis (+15–20 % time) for the same gain; only from 1° on (MIN_DESKEW_DEGREES).
// - Rendering at the scan's own resolution (at least 200 dpi): 300 dpi renders of 200 dpi scans were no better
//   and 40–55 % slower; 150 dpi typewriter scans read better at 200.

/** Tesseract parameters set once on every worker. */
export const TESSERACT_PARAMETERS: Readonly<Record<string, string>> = {
  // One uniform block of text, tesseract.js's default; the tesseract program's own default is 3 (automatic).
  tessedit_pageseg_mode: '6',
  thresholding_method: '2',
  tessedit_do_invert: '0',
  // Tesseract prints diagnostics ("Estimating resolution as 274") on stderr, which belongs to the CLI.
  debug_file: '/dev/null',
};

/** Resolution to render a PDF page at for OCR, given the resolution of the scan on it (null: no image on the page). */
export function renderDpi(imageDpi: number | null): number {
  if (imageDpi === null) return 300; // vector text without a text layer: small print reads best at about 300 dpi
  return Math.min(400, Math.max(200, imageDpi));
}

/**
 * Skew below this is left alone. Straightening costs the engine a rotation (5–15 % of a page's time) and on the
 * 0.6–0.7° fixture scans gained 0.0–0.06 CER points; on 1.5–2.5° typewriter scans it gained 0.5 (6.56 → 6.06 %).
 */
export const MIN_DESKEW_DEGREES = 1;
/** Skew beyond this is not a tilted scan (a rotated table, a landscape page); rotating by it would do harm. */
const MAX_SKEW_DEGREES = 5;

/**
 * The slope of the text lines of a greyscale image, in radians (positive: lines fall to the right, in image
 * coordinates). Text rows are sharpest in a projection profile taken along their slope: the angle whose
 * row histogram has the largest sum of squares wins, searched coarsely then finely on a reduced image.
 */
export function estimateSkew(grey: Uint8Array, width: number, height: number): number {
  const step = Math.max(1, Math.round(width / 800));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) {
    const row = y * width;
    for (let x = 0; x < width; x += step) if (grey[row + x]! < 128) { xs.push(x / step); ys.push(y / step); }
  }
  // A blank page or one that is mostly ink (a photo) has no text rows to measure.
  const cells = Math.ceil(width / step) * Math.ceil(height / step);
  if (xs.length < 200 || xs.length > cells * 0.4) return 0;
  const rows = Math.ceil(height / step) + Math.ceil(width / step) + 2;
  const offset = Math.ceil(width / step) + 1;
  const bins = new Float64Array(rows);
  const sharpness = (angle: number): number => {
    const t = Math.tan(angle);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * t) + offset]!++;
    let sum = 0;
    for (const b of bins) sum += b * b;
    return sum;
  };
  const rad = Math.PI / 180;
  let best = 0;
  let bestScore = sharpness(0);
  for (const [from, to, by] of [[-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, 0.2], [-0.2, 0.2, 0.02]] as const) {
    const centre = best;
    for (let d = from; d <= to + 1e-9; d += by) {
      const angle = centre + d * rad;
      const score = sharpness(angle);
      if (score > bestScore) { bestScore = score; best = angle; }
    }
  }
  return Math.abs(best) >= 0.05 * rad ? best : 0;
}

/** The rotation worth making for a measured skew: none below MIN_DESKEW_DEGREES. */
export function deskewAngle(skew: number): number {
  return Math.abs(skew) >= (MIN_DESKEW_DEGREES * Math.PI) / 180 ? skew : 0;
}
