// Test helpers: turn a snippet of minutes into cleaned lines or a segmented document, as the pipeline would.
import { cleanPages } from '../src/clean/index.js';
import type { Line } from '../src/document.js';
import { textToPages } from '../src/input/text.js';
import { SegmentContext } from '../src/segment/context.js';
import { segment } from '../src/segment/index.js';

/** Dedents a template literal so examples can be written indented. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function linesOf(text: string): Line[] {
  return cleanPages(textToPages(dedent(text)));
}

export function contextOf(text: string): SegmentContext {
  return new SegmentContext(linesOf(text));
}

export function segmentText(text: string) {
  return segment(linesOf(text));
}
