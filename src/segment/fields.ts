// Label/value pairs of the front matter, however the page sets them: on one row, in two pairs per row, stacked labels
// with their values in a column to the right or below, a label wrapped around its value, a value printed above its label.
import type { Line } from '../document.js';
import type { SegmentContext } from './context.js';
import { findDates, findTimes } from './dates.js';
import { fieldLabel, groupLabel, type FieldKey } from './vocabulary.js';
import { isPageNumber } from '../clean/furniture.js';
import { withoutLeadingSpeck } from './text.js';

export interface Field {
  key: FieldKey;
  /** The label as printed. */
  label: string;
  value: string;
  /** The line the value stands on (the label's own line when they share it). */
  at: Line;
}

/** What a value must look like to belong to a label whose own row gave none. */
function fits(key: FieldKey, value: string): boolean {
  const v = value.trim();
  switch (key) {
    case 'paragraphs': return /^(?:§{1,2}\s*)?\d{1,5}(?:\s*[-–]\s*(?:§\s*)?\d{1,5})?(?:\s|$)/.test(v) || /^§/.test(v);
    case 'date': return findDates(v).length > 0;
    case 'time': return findTimes(v).start !== null || /\bkl(?:\.|ockan)?\s*\d/i.test(v);
    // A place is words, not a date or a number standing alone.
    case 'place': return /\p{L}{3}/u.test(v) && !isDateOnly(v);
    default: return v.length > 0;
  }
}

/**
 * A value the page width broke goes on under itself: the next rows, aligned with it (or indented), that open in lower
 * case or follow a row the layout marks as wrapped, until a gap or a label ("… kl 14.00-16.30 i stadshusets" / "sammanträdesrum 3").
 */
function continuation(lines: readonly Line[], i: number, x: number, used: Set<string>): string {
  let out = '';
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const l = lines[j]!;
    const first = l.cells[0]!;
    if (l.gapBefore || l.furniture || l.cells.length > 1 || labelAt(first.text) || first.text.length > 60 || /\(\p{Lu}{1,4}\)/u.test(first.text)) break;
    const aligned = Math.abs(first.x - x) <= 3;
    if (!(lines[j - 1]!.wrapped || (/^\p{Ll}/u.test(first.text) && (aligned || x === 0)))) break;
    out += ' ' + first.text;
    used.add(`${j}:0`);
  }
  return out;
}

const isDateOnly = (v: string) => { const d = findDates(v); return d.length > 0 && v.replace(d[0]!.text, '').replace(/[\s,.–-]/g, '').length < 3; };

/**
 * Which waiting label a value without a label of its own belongs to: one printed right above it in the same column
 * (a box: "Sammanträdesdatum" over "2026-05-07"), else one whose kind the value plainly is (a date to a date label),
 * else the oldest that it fits.
 */
function takerOf(pending: ReadonlyArray<{ key: FieldKey; line: number; x: number }>, value: string, x: number, line: number): number {
  const fitting = pending.map((p, k) => ({ p, k })).filter(({ p }) => fits(p.key, value) && line - p.line <= 6);
  const aligned = fitting.find(({ p }) => Math.abs(p.x - x) <= 3);
  if (aligned) return aligned.k;
  const plain = fitting.find(({ p }) => p.key === 'date' || p.key === 'time' || p.key === 'paragraphs');
  return (plain ?? fitting[0])?.k ?? -1;
}

/** A label at the start of a cell: the longest known label, then a colon, a column gap or a space, then the value. */
function labelAt(text: string): { key: FieldKey; label: string; rest: string } | null {
  const t = text.trim();
  const colon = /^([^:]{2,60}):\s*(.*)$/.exec(t);
  if (colon) {
    const key = fieldLabel(colon[1]!);
    if (key) return { key, label: colon[1]!, rest: colon[2]!.trim() };
  }
  const words = t.split(' ');
  for (let k = Math.min(8, words.length); k >= 1; k--) {
    const label = words.slice(0, k).join(' ');
    const key = fieldLabel(label);
    if (key) return { key, label, rest: words.slice(k).join(' ').trim() };
  }
  return null;
}

/**
 * Reads the label/value pairs of the lines before `end`. Labels whose row gives no value wait in order, and the values
 * that follow without a label of their own go to them in that order (a label column printed beside or above its
 * values: "Plats:" / "Tid:" over "Lomma kommun, Sessionssalen" / "2026-05-07, klockan 18:00"). A label wrapped over
 * two lines ("Plats och tid för … <value>" / "sammanträde") keeps its value; a value printed just above a label that
 * found none ("§§ 21-26" over "Paragrafer") is taken from there. Running headers count the first time only.
 */
export function readFields(ctx: SegmentContext, end: number): Field[] {
  const out: Field[] = [];
  const pending: Array<{ key: FieldKey; label: string; line: number; x: number }> = [];
  const seenHeader = new Set<string>();
  const used = new Set<string>();
  const lines = ctx.lines;
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    const l = lines[i]!;
    // Contents lines ("Tid och plats.....1") and page numbers are not fields.
    if (l.furniture === 'page-number' || l.furniture === 'signature-box' || ctx.zone[i] === 'agenda') continue;
    if (l.furniture) {
      if (seenHeader.has(l.text)) continue;
      seenHeader.add(l.text);
    }
    const row = l.cells.filter((c) => !isPageNumber(c.text));
    const cells = row.map((c) => c.text);
    const groupRow = ctx.zone[i] === 'attendees' || cells.length > 0 && groupLabel(withoutLeadingSpeck(cells[0]!)) !== null;
    for (let k = 0; k < cells.length; k++) {
      if (used.has(`${i}:${k}`)) continue;
      const found = labelAt(cells[k]!);
      if (found) {
        let value = found.rest;
        // "Plats och tid för <value>" over "sammanträde": the label's last word stands alone under it.
        if (/\s(?:för|av|i)$/i.test(found.label) && /^\p{Ll}+$/u.test(lines[i + 1]?.text.trim() ?? '')) {
          used.add(`${i + 1}:0`);
          ctx.note(i + 1, `label ${found.label} ${lines[i + 1]!.text.trim()}`);
        }
        if (!value && k + 1 < cells.length && !labelAt(cells[k + 1]!)) value = cells[++k]!;
        // The rest of the row goes on with the value until another label: "… kl. 12,00, | till 22 augusti, kl. 13.00".
        while (value && k + 1 < cells.length && !labelAt(cells[k + 1]!) && !fits('paragraphs', cells[k + 1]!)) value += ` ${cells[++k]!}`;
        if (value && k === cells.length - 1) value += continuation(lines, i, l.cells[l.cells.length - 1]!.x, used);
        if (value) {
          // A label waiting from the rows above takes this value first (stacked labels, values a row lower).
          const waiting = pending.findIndex((p) => fits(p.key, value) && !fits(found.key, value));
          if (waiting >= 0 && pending[waiting]!.line < i) {
            const p = pending.splice(waiting, 1)[0]!;
            out.push({ key: p.key, label: p.label, value, at: l });
            pending.push({ key: found.key, label: found.label, line: i, x: row[k]!.x });
          } else {
            out.push({ key: found.key, label: found.label, value, at: l });
          }
        } else {
          pending.push({ key: found.key, label: found.label, line: i, x: row[k]!.x });
        }
        continue;
      }
      // A value without a label of its own goes to a label waiting for one; a row under a group label ("3 Beslutande",
      // a speck before it on a scan) holds people, no values.
      if (groupRow) continue;
      const waiting = takerOf(pending, cells[k]!, row[k]!.x, i);
      if (waiting >= 0) {
        const p = pending.splice(waiting, 1)[0]!;
        out.push({ key: p.key, label: p.label, value: cells[k]!, at: l });
      }
    }
    // A label that found nothing below it may have its value just above ("§§ 21-26" / "Paragrafer").
    for (let p = pending.length - 1; p >= 0; p--) {
      const w = pending[p]!;
      if (w.line !== i || w.key !== 'paragraphs') continue;
      const above = lines[i - 1];
      const orphan = above?.cells.map((c) => c.text).find((c) => !labelAt(c) && fits('paragraphs', c) && /§|^\d+(?:\s*[-–]\s*\d+)?$/.test(c.trim()));
      if (orphan) {
        out.push({ key: w.key, label: w.label, value: orphan, at: above! });
        pending.splice(p, 1);
      }
    }
  }
  for (const f of out) ctx.note(f.at, `field ${f.key} "${f.value.slice(0, 60)}"`);
  return out;
}
