// Page selections (`--pages 1-3,7`): parsing the list, and choosing a document's pages from it.
import { warning } from '../document.js';
import { InputError, UsageError } from '../errors.js';
import type { Warning } from '../schema/minutes.js';

/** Ranges as written; `to: null` runs to the last page (`5-`). */
export type PageSelection = readonly { from: number; to: number | null }[];

/** `1-3,7,10-` → ranges. Throws a UsageError naming the bad part. */
export function parsePageSelection(spec: string): PageSelection {
  const ranges = spec.split(',').map((part) => {
    const m = /^\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?$/.exec(part);
    if (!m) throw new UsageError('usage', `--pages: "${part.trim()}" is not a page or range (e.g. 1-3,7,10-)`);
    const from = Number(m[1]);
    const to = m[2] ? (m[3] ? Number(m[3]) : null) : from;
    if (from < 1 || (to !== null && to < from)) throw new UsageError('usage', `--pages: "${part.trim()}" is not a valid range (pages count from 1, low to high)`);
    return { from, to };
  });
  return ranges;
}

/**
 * The page numbers a selection picks from a document of `count` pages (null: all), with a warning for pages
 * past the end. A selection that leaves nothing is the input's problem, not a usage error: other files of a
 * batch may well have those pages.
 */
export function selectPages(selection: PageSelection | undefined, count: number, file: string): { numbers: Set<number> | null; warning: Warning | null } {
  if (!selection?.length) return { numbers: null, warning: null };
  const numbers = new Set<number>();
  let beyond = false;
  for (const { from, to } of selection) {
    const last = to ?? count;
    if (last > count || from > count) beyond = true;
    for (let n = from; n <= Math.min(last, count); n++) numbers.add(n);
  }
  if (numbers.size === 0) {
    throw new InputError('input-pages', `none of the pages asked for (--pages) exists: the document has ${count} ${count === 1 ? 'page' : 'pages'}`, { file });
  }
  const sorted = new Set([...numbers].sort((a, b) => a - b));
  return {
    numbers: sorted,
    warning: beyond ? warning('pages-out-of-range', `some pages asked for (--pages) are past the end of the document (${count} ${count === 1 ? 'page' : 'pages'})`) : null,
  };
}
