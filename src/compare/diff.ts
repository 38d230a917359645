// Structural diff of two documents: list elements are aligned by identity (attendees by name, items by § …), not by position.
import { diffArrays } from 'diff';
import type { Io } from '../cli/io.js';

export interface Difference {
  path: string;
  /**
   * `changed`: a value differs; `missing` / `unexpected`: an object key only one side has; `removed` / `added`:
   * a list element only the expected / the actual side has.
   */
  kind: 'changed' | 'missing' | 'unexpected' | 'removed' | 'added';
  expected?: unknown;
  actual?: unknown;
}

/** Fields that change with where and when a file was converted, not with what it says. */
export const VOLATILE_PATHS: readonly string[] = ['source.file', 'generatedAt', 'tool', 'toolVersion'];

type Identity = { key: (v: unknown) => string; label: (v: unknown) => string };

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const field = (v: unknown, k: string): unknown => (isObject(v) ? v[k] : undefined);
const short = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quoted = (s: string): string => JSON.stringify(short(s));

/**
 * How the elements of each list are recognised across two versions, by the list's key in its parent. A list
 * not named here is aligned by whole values (any change is a removal plus an addition).
 */
const IDENTITIES: Record<string, Identity> = {
  attendees: { key: (v) => str(field(v, 'name')), label: (v) => quoted(str(field(v, 'name'))) },
  items: {
    key: (v) => (field(v, 'paragraph') !== null && field(v, 'paragraph') !== undefined ? `§${str(field(v, 'paragraph'))}` : field(v, 'number') ? `#${str(field(v, 'number'))}` : `t:${str(field(v, 'title'))}`),
    label: (v) => (field(v, 'paragraph') !== null && field(v, 'paragraph') !== undefined ? `§${str(field(v, 'paragraph'))}` : field(v, 'number') ? `#${str(field(v, 'number'))}` : quoted(str(field(v, 'title')))),
  },
  decisions: { key: (v) => str(field(v, 'text')), label: (v) => quoted(str(field(v, 'text'))) },
  agenda: { key: (v) => str(field(v, 'number') ?? field(v, 'title')), label: (v) => (field(v, 'number') ? `#${str(field(v, 'number'))}` : quoted(str(field(v, 'title')))) },
  signatures: { key: (v) => `${str(field(v, 'name'))}|${str(field(v, 'role'))}`, label: (v) => quoted(`${str(field(v, 'name'))}${field(v, 'role') ? `, ${str(field(v, 'role'))}` : ''}`) },
  votes: { key: (v) => `${str(field(v, 'yes'))}/${str(field(v, 'no'))}/${str(field(v, 'abstain'))}`, label: (v) => `${str(field(v, 'yes'))}-${str(field(v, 'no'))}-${str(field(v, 'abstain'))}` },
  warnings: { key: (v) => `${str(field(v, 'code'))}|${str(field(v, 'message'))}`, label: (v) => `${str(field(v, 'code'))}:${quoted(str(field(v, 'message')))}` },
  repairs: { key: (v) => `${str(field(v, 'page'))}:${str(field(v, 'line'))}:${str(field(v, 'from'))}`, label: (v) => `p${str(field(v, 'page'))}:${str(field(v, 'line'))}:${quoted(str(field(v, 'from')))}` },
  pages: { key: (v) => str(field(v, 'number')), label: (v) => `page ${str(field(v, 'number'))}` },
};

const byValue: Identity = { key: (v) => JSON.stringify(v) ?? 'undefined', label: (v) => (typeof v === 'string' ? quoted(v) : short(JSON.stringify(v) ?? 'undefined')) };

export function diff(expected: unknown, actual: unknown, ignore: readonly string[] = VOLATILE_PATHS): Difference[] {
  const out: Difference[] = [];
  walk(expected, actual, '', '', new Set(ignore), out);
  return out;
}

function join(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

/** `at` is the path shown; `plain` the same path without element labels, for the volatile-field check. */
function walk(e: unknown, a: unknown, at: string, plain: string, ignore: Set<string>, out: Difference[]): void {
  if (ignore.has(plain)) return;
  if (Array.isArray(e) && Array.isArray(a)) {
    const listKey = plain.split('.').pop() ?? '';
    walkList(e, a, at, plain, IDENTITIES[listKey] ?? byValue, ignore, out);
    return;
  }
  if (isObject(e) && isObject(a)) {
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    for (const k of keys) {
      const p = join(at, k);
      const pp = join(plain, k);
      if (ignore.has(pp)) continue;
      if (!(k in a)) out.push({ path: p, kind: 'missing', expected: e[k] });
      else if (!(k in e)) out.push({ path: p, kind: 'unexpected', actual: a[k] });
      else walk(e[k], a[k], p, pp, ignore, out);
    }
    return;
  }
  if (!Object.is(e, a)) out.push({ path: at || '(root)', kind: 'changed', expected: e, actual: a });
}

/**
 * Aligns the two lists by the identity of their elements (a longest common subsequence of keys, from jsdiff),
 * then compares aligned elements field by field. One attendee dropped is one `removed`, not a shift of all after it.
 */
function walkList(e: unknown[], a: unknown[], at: string, plain: string, id: Identity, ignore: Set<string>, out: Difference[]): void {
  const changes = diffArrays(e.map(id.key), a.map(id.key));
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    for (let k = 0; k < n; k++) {
      if (c.removed) {
        const v = e[i++];
        out.push({ path: `${at}[${id.label(v)}]`, kind: 'removed', expected: v });
      } else if (c.added) {
        const v = a[j++];
        out.push({ path: `${at}[${id.label(v)}]`, kind: 'added', actual: v });
      } else {
        const v = a[j];
        walk(e[i++], a[j++], `${at}[${id.label(v)}]`, plain, ignore, out);
      }
    }
  }
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

/** "3 differences: 1 removed, 2 changed". */
export function countDifferences(differences: readonly Difference[]): string {
  const by = new Map<string, number>();
  for (const d of differences) by.set(d.kind, (by.get(d.kind) ?? 0) + 1);
  const parts = ['removed', 'added', 'changed', 'missing', 'unexpected'].filter((k) => by.has(k)).map((k) => `${by.get(k)} ${k}`);
  return `${differences.length} ${differences.length === 1 ? 'difference' : 'differences'}: ${parts.join(', ')}`;
}

/** One line per difference: path → expected vs actual, expected in red and actual in green. */
export function formatDiff(differences: readonly Difference[], color: Io['color'], limit = 50): string {
  const lines = differences.slice(0, limit).map((d) => {
    const p = color.bold(d.path);
    if (d.kind === 'removed') return `  ${p}: ${color.red('removed')} ${color.red(show(d.expected))}\n`;
    if (d.kind === 'added') return `  ${p}: ${color.green('added')} ${color.green(show(d.actual))}\n`;
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
