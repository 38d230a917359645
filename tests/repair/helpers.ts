// Shared helpers for the repair tests: run repairLines on plain strings.
import { readFileSync } from 'node:fs';
import { repairLines, type RepairOptions, type RepairResult } from '../../src/repair/index.js';

export function repairText(text: string, options?: RepairOptions): RepairResult {
  return repairLines(text.split('\n').map((t, i) => ({ text: t, page: 1, line: i + 1 })), options);
}

/** The repaired text of a one-line input. */
export function fix(line: string, options?: RepairOptions): string {
  return repairText(line, options).lines[0]!;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/repair/${name}`, import.meta.url), 'utf8');
}

export const strip = (s: string): string =>
  s.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O');

export const tokens = (s: string): string[] => s.split(/\s+/).filter(Boolean);
