// Small HTML helpers for the review site: escaping, attributes, and JSON that is safe inside a script element.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** ` name="value"` for each attribute that is not null, undefined or false; `true` gives a bare attribute. */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** JSON for a `<script type="application/json">`: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A path inside the site as a URL path: each segment percent-encoded, so names with spaces, # or ? still link. */
export function href(sitePath: string): string {
  return sitePath.split('/').map(encodeURIComponent).join('/');
}

/** Percentages with two decimals: enough to place a line to a tenth of a pixel on any screen. */
export function percent(part: number, whole: number): string {
  return `${(Math.round((part / whole) * 10000) / 100).toString()}%`;
}
