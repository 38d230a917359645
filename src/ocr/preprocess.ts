// The image preparation protokoll applies before OCR: only steps whose effect on accuracy and time was measured.
//
// Measured on the fixture scans (scripts/bench/ocr.mjs; numbers in the OCR section of the report):
// - Sauvola local thresholding instead of Tesseract's global Otsu: on uneven illumination Otsu turns the grey
//   half of a page into black noise that reads as lines of capitals; Sauvola keeps the background white.
// - Skipping Tesseract's inverted-text retry (`tessedit_do_invert`): minutes have no white-on-black text.
// - Rendering resolution and deskew: see RENDER_DPI and DESKEW.

/** Tesseract parameters set once on every worker. */
export const TESSERACT_PARAMETERS: Readonly<Record<string, string>> = {
  thresholding_method: '2',
  tessedit_do_invert: '0',
  // Tesseract prints diagnostics ("Estimating resolution as 274") on stderr, which belongs to the CLI.
  debug_file: '/dev/null',
};

/** PDF pages are rendered for OCR at this resolution. */
export const RENDER_DPI = 300;

/** Let Tesseract measure the text-line slope and rotate the page straight before reading it. */
export const DESKEW = true;

/** Per-page parameters: the resolution when the file states a believable one, so Tesseract need not guess it. */
export function pageParameters(dpi: number | null): Record<string, string> {
  return dpi ? { user_defined_dpi: String(dpi) } : {};
}
