// The segmentation context: all cleaned lines, which rule has claimed each, and the warnings raised.
import type { Line } from '../document.js';
import type { Warning } from '../schema/minutes.js';
import { warning } from '../document.js';

export type Zone = 'header' | 'attendees' | 'agenda' | 'heading' | 'signatures' | 'legend' | 'appendix';

export class SegmentContext {
  readonly lines: readonly Line[];
  readonly zone: Array<Zone | null>;
  /** The rule that claimed each line (for `explain`), null while the line is free. */
  readonly rule: Array<string | null>;
  /** The item whose heading or body holds each line (index into the items), for `explain`. */
  readonly item: Array<number | null>;
  /** What rules read from a line beyond the elements that carry it as their source (header fields), for `explain`. */
  readonly notes: string[][];
  readonly warnings: Warning[] = [];
  private readonly index = new Map<Line, number>();

  constructor(lines: readonly Line[]) {
    this.lines = lines;
    this.zone = lines.map(() => null);
    this.rule = lines.map(() => null);
    this.item = lines.map(() => null);
    this.notes = lines.map(() => []);
    lines.forEach((l, i) => this.index.set(l, i));
  }

  /** Records what a rule read from a line, for `explain`. */
  note(at: Line | number, text: string): void {
    const i = typeof at === 'number' ? at : this.index.get(at);
    if (i !== undefined && i >= 0) this.notes[i]?.push(text);
  }

  claim(index: number, zone: Zone, rule: string): void {
    this.zone[index] = zone;
    this.rule[index] = rule;
  }

  isFree(index: number): boolean {
    const l = this.lines[index];
    return l !== undefined && this.zone[index] === null && l.furniture === null;
  }

  /** Index of the next content line after `index` (skipping furniture), or -1. */
  nextContent(index: number): number {
    for (let j = index + 1; j < this.lines.length; j++) if (this.lines[j]!.furniture === null) return j;
    return -1;
  }

  prevContent(index: number): number {
    for (let j = index - 1; j >= 0; j--) if (this.lines[j]!.furniture === null) return j;
    return -1;
  }

  warn(code: string, message: string, at?: Line): void {
    this.warnings.push(warning(code, message, at ?? null));
  }
}
