// Line boxes on a page: built from corners, mapped through transforms and rotations, rounded for output.
import type { Box } from '../schema/minutes.js';

/** The smallest box holding every point; null for no points. Rounded to 0.1 unit, which is far below a glyph. */
export function boxAround(points: ReadonlyArray<readonly [number, number]>): Box | null {
  if (points.length === 0) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(x0), y: r(y0), width: r(x1 - x0), height: r(y1 - y0) };
}

const corners = (b: Box): Array<[number, number]> => [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]];

/** Applies an affine transform [a, b, c, d, e, f] (PDF's order, as pdf.js viewports give it) to a box's corners. */
export function transformBox(box: Box, t: readonly number[]): Box | null {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = t;
  return boxAround(corners(box).map(([x, y]) => [a * x + c * y + e, b * x + d * y + f] as const));
}

/**
 * The box a point set had before the image was turned by `angle` radians about its centre (image coordinates,
 * y down, positive turns clockwise on screen): OCR reads a straightened copy, and the viewer shows the page as scanned.
 */
export function unrotateBox(box: Box, angle: number, width: number, height: number): Box | null {
  if (!angle) return box;
  const cx = width / 2, cy = height / 2;
  const cos = Math.cos(angle), sin = Math.sin(angle);
  return boxAround(corners(box).map(([x, y]) => {
    const dx = x - cx, dy = y - cy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos] as const;
  }));
}

export function scaleBox(box: Box, factor: number): Box | null {
  return transformBox(box, [factor, 0, 0, factor, 0, 0]);
}
