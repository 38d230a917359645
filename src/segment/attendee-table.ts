// Attendee tables under column headings ("Namn\tParti\tErsätter"): one person per row, one field per column.
import type { Line } from '../document.js';
import type { SegmentContext } from './context.js';
import { parseEntry, type EntryFields } from './entries.js';
import { roleWord } from './labels.js';
import { labelKey } from './text.js';

type Field = 'name' | 'party' | 'organization' | 'title' | 'role' | 'replaces' | 'note';
const COLUMN_FIELDS = new Map<string, Field>([
  ...['Namn', 'Ledamot', 'Ledamöter', 'Ersättare', 'Person'].map((l) => [labelKey(l), 'name'] as const),
  ...['Parti', 'Partibeteckning', 'Parti/grupp'].map((l) => [labelKey(l), 'party'] as const),
  ...['Organisation', 'Kommun', 'Förvaltning', 'Representerar', 'Myndighet'].map((l) => [labelKey(l), 'organization'] as const),
  ...['Titel', 'Befattning', 'Funktion', 'Tjänst'].map((l) => [labelKey(l), 'title'] as const),
  ...['Roll', 'Uppdrag'].map((l) => [labelKey(l), 'role'] as const),
  ...['Ersätter', 'Tjänstgör för', 'Ersätter ledamot'].map((l) => [labelKey(l), 'replaces'] as const),
  ...['Närvarande §§', 'Närvaro', 'Anmärkning', 'Kommentar', '§§', 'Paragrafer', 'Deltog §§'].map((l) => [labelKey(l), 'note'] as const),
]);

/** "Namn\tParti\tErsätter": a table's column headings, naming what each column of the rows below holds. */
export function columnFields(text: string): Field[] | null {
  const cells = text.split('\t').map((c) => c.trim()).filter(Boolean);
  if (cells.length < 2) return null;
  const fields = cells.map((c) => COLUMN_FIELDS.get(labelKey(c)) ?? null);
  // Two name columns ("Ledamöter\tErsättare") are two groups side by side, not one person's fields.
  return fields.every((f) => f !== null) && fields[0] === 'name' && fields.filter((f) => f === 'name').length === 1 ? (fields as Field[]) : null;
}

/** Rows under column headings, one person each, for as long as the first cell is a name. */
export function readTable(ctx: SegmentContext, header: number, end: number, fields: Field[], stops: (l: Line) => boolean): { rows: Array<{ entry: EntryFields; at: Line }>; last: number } {
  ctx.claim(header, 'attendees');
  const rows: Array<{ entry: EntryFields; at: Line }> = [];
  let last = header;
  for (let j = header + 1; j < end; j++) {
    const l = ctx.lines[j]!;
    if (l.furniture) continue;
    if (ctx.zone[j] !== null || stops(l)) break;
    const cells = l.text.split('\t').map((c) => c.trim());
    const entry = parseEntry(cells[0] ?? '');
    if (!entry) break;
    fields.forEach((f, k) => {
      const v = cells[k]?.replace(/^[-–]$/, '').trim();
      if (k === 0 || !v || f === 'name') return;
      if (f === 'replaces') entry.replaces = parseEntry(v)?.name ?? v;
      else if (f === 'role') entry.role = roleWord(v) ?? v;
      else if (f === 'note') entry.note = entry.note ? `${entry.note}, ${v}` : v;
      else entry[f] ??= v;
    });
    rows.push({ entry, at: l });
    ctx.claim(j, 'attendees');
    last = j;
  }
  return { rows, last };
}
