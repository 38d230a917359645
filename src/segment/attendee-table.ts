// Attendee tables under column headings ("Namn\tParti\tErsätter"): one person per row, one field per column.
import type { Line } from '../document.js';
import type { SegmentContext } from './context.js';
import { isParty, parseEntry, type EntryFields } from './entries.js';
import { groupLabel, roleWord } from './vocabulary.js';
import { labelKey } from './text.js';

type Field = 'name' | 'party' | 'organization' | 'title' | 'role' | 'replaces' | 'note' | 'substitute' | 'mark' | 'number';
const COLUMN_FIELDS = new Map<string, Field>([
  ...['Namn', 'Ledamot', 'Ledamöter', 'Ersättare', 'Person'].map((l) => [labelKey(l), 'name'] as const),
  ...['Parti', 'Partibeteckning', 'Parti/grupp'].map((l) => [labelKey(l), 'party'] as const),
  ...['Organisation', 'Kommun', 'Förvaltning', 'Representerar', 'Myndighet'].map((l) => [labelKey(l), 'organization'] as const),
  ...['Titel', 'Befattning', 'Funktion', 'Tjänst'].map((l) => [labelKey(l), 'title'] as const),
  ...['Roll', 'Uppdrag'].map((l) => [labelKey(l), 'role'] as const),
  ...['Ersätter', 'Tjänstgör för', 'Ersätter ledamot'].map((l) => [labelKey(l), 'replaces'] as const),
  ...['Närvarande §§', 'Anmärkning', 'Kommentar', '§§', 'Paragrafer', 'Deltog §§'].map((l) => [labelKey(l), 'note'] as const),
  // A roll-call list: who sat in for an absent member, and columns of crosses (present, ja, nej, avstår).
  ...['Tjänstgörande ersättare', 'Ersättare som tjänstgör', 'Tjänstgörande'].map((l) => [labelKey(l), 'substitute'] as const),
  ...['Närv.', 'Närv', 'Närvaro', 'Närvarande', 'Ja', 'Nej', 'Avstår', 'Avst.', 'Frånv.', 'Frånvarande', 'Röster', 'Antal röster'].map((l) => [labelKey(l), 'mark'] as const),
  // Associations list members with their number, flat or property: what identifies the member, kept as a note.
  ...['Medl.nr', 'Medlemsnr', 'Medlemsnummer', 'Nr', 'Lgh', 'Lgh nr', 'Lgh.nr', 'Lägenhet', 'Lägenhetsnr'].map((l) => [labelKey(l), 'number'] as const),
  ...['Fastighet', 'Adress', 'Fastighet, adress', 'Fastighet/adress', 'Ombud för', 'Fullmakt för', 'Företräder'].map((l) => [labelKey(l), 'note'] as const),
]);

/** One row read from a table: the person, and whoever sat in for them. */
export interface TableRow { entry: EntryFields; substitute: EntryFields | null; at: Line }

/** "Namn\tParti\tErsätter": a table's column headings, naming what each column of the rows below holds. */
export function columnFields(text: string): Field[] | null {
  const cells = text.split('\t').map((c) => c.trim()).filter(Boolean);
  if (cells.length < 2) return null;
  // A group's label over the column of names ("Beslutande ledamöter | Parti | Anmärkning") heads the name column.
  const fields = cells.map((c, k) => COLUMN_FIELDS.get(labelKey(c)) ?? (k === 0 && groupLabel(c) ? 'name' : null));
  // Two name columns ("Ledamöter\tErsättare") are two groups side by side, not one person's fields. The name column
  // comes first, or after the member's number.
  const nameAt = fields.indexOf('name');
  return fields.every((f) => f !== null) && (nameAt === 0 || (nameAt > 0 && fields.slice(0, nameAt).every((f) => f === 'number'))) && fields.filter((f) => f === 'name').length === 1
    ? (fields as Field[]) : null;
}

/**
 * Rows under column headings, one person each, for as long as the first cell is a name. Empty cells run
 * together when a text copy folds its tabs, so cells are read by what they hold where that is plain (a party
 * code, a person, a cross) and by position otherwise.
 */
export function readTable(ctx: SegmentContext, header: number, end: number, fields: Field[], stops: (l: Line) => boolean): { rows: TableRow[]; last: number } {
  ctx.claim(header, 'attendees', 'attendees.table-heading');
  const rows: TableRow[] = [];
  const hasSubstitutes = fields.includes('substitute');
  let last = header;
  for (let j = header + 1; j < end; j++) {
    const l = ctx.lines[j]!;
    if (l.furniture) continue;
    if (ctx.zone[j] !== null || stops(l)) break;
    const cells = l.text.split('\t').map((c) => c.trim());
    const nameAt = Math.min(fields.indexOf('name'), cells.length - 1);
    // A row continuing the one above: a note wrapped in its column ("kl. 09.30–12.00"), or the rest of a name cell ("(KD)").
    const prev = rows[rows.length - 1];
    if (prev && prev.at === ctx.lines[last] && (l.cells[0]!.x > (ctx.lines[last]!.cells[0]?.x ?? 0) + 5 || /^\(/.test(cells[0]!))) {
      const notes = l.cells.filter((c, k) => k > 0 || c.x > (ctx.lines[last]!.cells[0]?.x ?? 0) + 5).map((c) => c.text).filter((t) => !/^\([^)]*\)$/.test(t) || !isParty(t.slice(1, -1)));
      if (notes.length) prev.entry.note = prev.entry.note ? `${prev.entry.note} ${notes.join(' ')}` : notes.join(' ');
      ctx.claim(j, 'attendees', 'attendees.table-row');
      last = j;
      continue;
    }
    const entry = parseEntry(cells[nameAt] ?? '');
    if (!entry || !cells.slice(0, nameAt).every((c) => /^[\w.:/-]{1,10}$/.test(c))) break;
    let substitute: EntryFields | null = null;
    cells.forEach((raw, k) => {
      const v = raw.replace(/^[-–]$/, '').trim();
      if (k === nameAt || !v) return;
      if (/^x$/i.test(v)) return;
      if (fields.includes('party') && !entry.party && isParty(v)) { entry.party = v; return; }
      const person = hasSubstitutes ? parseEntry(v) : null;
      if (person) { substitute = person; return; }
      const f = fields[k];
      if (!f || f === 'name' || f === 'mark' || f === 'substitute' || f === 'party' || f === 'number') return;
      if (f === 'replaces') entry.replaces = parseEntry(v)?.name ?? v;
      else if (f === 'role') entry.role = roleWord(v) ?? v;
      else if (f === 'note') entry.note = entry.note ? `${entry.note}, ${v}` : v;
      else entry[f] ??= v;
    });
    rows.push({ entry, substitute, at: l });
    ctx.claim(j, 'attendees', 'attendees.table-row');
    last = j;
  }
  // "Summa\t\tJa 21, Nej 18, Avstår 2" closes a roll-call table.
  const after = ctx.nextContent(last);
  if (after >= 0 && ctx.isFree(after) && /^(?:summa|totalt|s:a)\b/i.test(ctx.lines[after]!.text.trim())) {
    ctx.claim(after, 'attendees', 'attendees.table-sum');
    last = after;
  }
  return { rows, last };
}
