// Decides the pixel size a PDF page is rendered at for OCR, and refuses page sizes no real page can have.
import { MIN_OCR_SIDE } from './image.js';

/** ISO 32000's own limit on a page side: 14,400 units (200 inches, 5.08 m). Larger boxes are damage or an attack. */
export const MAX_PAGE_POINTS = 14_400;

export type RenderPlan =
  | { ok: true; scale: number; width: number; height: number; dpi: number }
  | { ok: false; code: 'page-too-large' | 'page-too-small'; message: string };

const points = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 1e5 ? x.toExponential(1) : String(Math.round(x * 10) / 10)) : String(x));

/**
 * The scale for rendering page `n` of `widthPt`×`heightPt` points at `dpi`, lowered so that the page has at most
 * `maxPixels` pixels; or why the page is not rendered at all.
 */
export function renderPlan(n: number, widthPt: number, heightPt: number, dpi: number, maxPixels: number): RenderPlan {
  const size = `${points(widthPt)}×${points(heightPt)} points`;
  if (!(widthPt <= MAX_PAGE_POINTS && heightPt <= MAX_PAGE_POINTS)) {
    return { ok: false, code: 'page-too-large', message: `page ${n} is ${size}, over the ${MAX_PAGE_POINTS.toLocaleString('en')}-point limit on a side, so it was not rendered for OCR` };
  }
  const wanted = dpi / 72;
  const fit = Math.sqrt(maxPixels / Math.max(1, widthPt * heightPt * wanted ** 2));
  const scale = wanted * Math.min(1, fit);
  const width = Math.floor(widthPt * scale + 0.01); // + 0.01: a page sized from pixels in rounded points (a TIFF page)
  const height = Math.floor(heightPt * scale + 0.01);
  if (!(width >= MIN_OCR_SIDE && height >= MIN_OCR_SIDE)) {
    return { ok: false, code: 'page-too-small', message: `page ${n} is ${size} (${width}×${height} pixels at ${Math.round(scale * 72)} dpi), too small to hold readable text, so it was not read by OCR` };
  }
  return { ok: true, scale, width, height, dpi: Math.round(scale * 72) };
}
