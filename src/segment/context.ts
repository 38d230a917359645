// The segmentation context: all cleaned lines, which rule has claimed each, and the warnings raised.
import type { Line } from '../document.js';
import type { Warning } from '../schema/minutes.js';
import { warning } from '../document.js';

export type Zone = 'header' | 'attendees' | 'agenda' | 'heading' | 'signatures' | 'legend';

export class SegmentContext {
  readonly lines: readonly Line[];
  readonly zone: Array<Zone | null>;
  readonly warnings: Warning[] = [];

  constructor(lines: readonly Line[]) {
    this.lines = lines;
    this.zone = lines.map(() => null);
  }

  claim(index: number, zone: Zone): void {
    this.zone[index] = zone;
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
