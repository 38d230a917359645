// Structural diff of two JSON values: a list of paths where they differ, ignoring volatile fields.
import type { Io } from '../cli/io.js';

export interface Difference {
  path: string;
  kind: 'changed' | 'missing' | 'unexpected';
  expected?: unknown;
  actual?: unknown;
}

/** Fields that change with where and when a file was converted, not with what it says. */
export const VOLATILE_PATHS: readonly string[] = ['source.file', 'generatedAt', 'tool', 'toolVersion'];

export function diff(expected: unknown, actual: unknown, ignore: readonly string[] = VOLATILE_PATHS): Difference[] {
  const out: Difference[] = [];
  walk(expected, actual, '', new Set(ignore), out);
  return out;
}

function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

function walk(e: unknown, a: unknown, at: string, ignore: Set<string>, out: Difference[]): void {
  if (ignore.has(at)) return;
  if (Array.isArray(e) && Array.isArray(a)) {
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      const p = join(at, i);
      if (i >= a.length) out.push({ path: p, kind: 'missing', expected: e[i] });
      else if (i >= e.length) out.push({ path: p, kind: 'unexpected', actual: a[i] });
      else walk(e[i], a[i], p, ignore, out);
    }
    return;
  }
  if (isObject(e) && isObject(a)) {
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    for (const k of keys) {
      const p = join(at, k);
      if (ignore.has(p)) continue;
      if (!(k in a)) out.push({ path: p, kind: 'missing', expected: e[k] });
      else if (!(k in e)) out.push({ path: p, kind: 'unexpected', actual: a[k] });
      else walk(e[k], a[k], p, ignore, out);
    }
    return;
  }
  if (!Object.is(e, a)) out.push({ path: at || '(root)', kind: 'changed', expected: e, actual: a });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Long strings are shown around their first difference, which is where the reader needs to look. */
function around(e: string, a: string, context = 40): [string, string] {
  if (e.length <= 100 && a.length <= 100) return [JSON.stringify(e), JSON.stringify(a)];
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const from = Math.max(0, i - context);
  const cut = (s: string): string => `${from > 0 ? '…' : ''}${JSON.stringify(s.slice(from, i + context))}${i + context < s.length ? '…' : ''}`;
  return [cut(e), cut(a)];
}

/** One line per difference: path → expected vs actual, expected in red and actual in green. */
export function formatDiff(differences: readonly Difference[], color: Io['color'], limit = 50): string {
  const lines = differences.slice(0, limit).map((d) => {
    const p = color.bold(d.path);
    if (d.kind === 'missing') return `  ${p}: expected ${color.red(show(d.expected))}, but it is missing\n`;
    if (d.kind === 'unexpected') return `  ${p}: not expected, got ${color.green(show(d.actual))}\n`;
    if (typeof d.expected === 'string' && typeof d.actual === 'string') {
      const [e, a] = around(d.expected, d.actual);
      return `  ${p}: expected ${color.red(e)}, got ${color.green(a)}\n`;
    }
    return `  ${p}: expected ${color.red(show(d.expected))}, got ${color.green(show(d.actual))}\n`;
  });
  if (differences.length > limit) lines.push(`  … and ${differences.length - limit} more differences\n`);
  return lines.join('');
}
