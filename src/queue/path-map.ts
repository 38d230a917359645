// `--path-map FROM=TO`: a worker that mounts the shared folder somewhere else rewrites the queued paths' prefix.
import path from 'node:path';
import { UsageError } from '../errors.js';

export interface PathMapping { from: string; to: string }

export function parsePathMapping(text: string): PathMapping {
  const i = text.indexOf('=');
  const from = i > 0 ? text.slice(0, i) : '';
  const to = i > 0 ? text.slice(i + 1) : '';
  if (!from || !to || !path.isAbsolute(from) || !path.isAbsolute(to)) {
    throw new UsageError('usage', `--path-map takes FROM=TO with two absolute folders (e.g. /archive=/mnt/archive), not "${text}"`);
  }
  return { from: trimSlash(from), to: trimSlash(to) };
}

/** The longest matching FROM wins; a FROM matches whole path components only (/archive does not match /archive2). */
export function pathMapper(mappings: readonly PathMapping[]): (p: string) => string {
  const ordered = [...mappings].sort((a, b) => b.from.length - a.from.length);
  return (p) => {
    for (const { from, to } of ordered) {
      if (p === from) return to;
      if (p.startsWith(from + '/')) return to + p.slice(from.length);
    }
    return p;
  };
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}
