// Finds attendee blocks under group headings and parses their entries; role headings assign roles.
import { setCells, type Line } from '../document.js';
import type { Attendee, AttendeeGroup } from '../schema/minutes.js';
import { secondColumn, splitColumns } from './columns.js';
import { SegmentContext } from './context.js';
import { entryText, joinCells, parseEntry, splitEntries, type EntryFields } from './entries.js';
import { columnFields, readTable } from './attendee-table.js';
import { LABEL_FIRST_WORDS, SECTION_LABELS, groupLabel, roleHeading, roleWord, type GroupLabel } from './vocabulary.js';
import { labelKey, ref, withoutLeadingSpeck } from './text.js';

interface HeadingParts { labels: GroupLabel[]; role: string | null; rest: string }

/** "Beslutande", "Närvarande:", "Tjänstepersoner\tName …", "Beslutande\tErsättare" (two columns). */
export function readGroupHeading(text: string): HeadingParts | null {
  const read = readHeadingText(text);
  if (read) return read;
  // "3 Beslutande	Ledamöter": a speck OCR read before a label (one digit or letter alone) is no part of it.
  const speck = /^[\p{L}\d]\s+(?=\p{Lu}\p{Ll}{3})/u.exec(text.trim());
  return speck ? readHeadingText(text.trim().slice(speck[0].length)) : null;
}

function readHeadingText(text: string): HeadingParts | null {
  // Labels are capitalised: "ordförande" alone on a line ends a role wrapped from the line above.
  if (/^\p{Ll}/u.test(text.trim()) && !/:/.test(text)) return null;
  // "Närvarolista vid sammanträde med kommunfullmäktige 2022-01-27": a list of those present follows.
  if (/^(?:n[aä]rvarolista|r[oö]stl[aä]ngd|deltagarf[oö]rteckning|deltagarlista)\b/i.test(text.trim()) && text.length <= 120 && !/\t/.test(text)) {
    return { labels: [{ group: 'närvarande' }], role: null, rest: '' };
  }
  const columns = text.split('\t').map((s) => s.trim()).filter(Boolean);
  // "Övriga närvarande Ersättare<tab>Tjänstepersoner": a label over each column, the first under an outer label.
  if (columns.length >= 2 && columns.every((c) => groupLabel(c) ?? combinedLabel(c))) {
    return { labels: columns.map((c) => (groupLabel(c) ?? combinedLabel(c))!), role: null, rest: '' };
  }
  const m = /^([^:\t]{3,45}?)\s*(?::\s*|\t+)(.*)$/.exec(text) ?? labelThenEntries(text);
  const head = m ? m[1]! : text;
  const rest = m ? m[2]!.trim() : '';
  // "Ordförande\t.........." is a line to sign on, not a list of people.
  if (/^[._…\s-]{4,}$/.test(rest)) return null;
  const g = groupLabel(head) ?? combinedLabel(head);
  // "Beslutande | Ledamöter | Lisa Andersson (M), Ordförande": a sub-heading in the next cell names the group.
  const cells = rest.split('\t');
  const sub = g && cells.length > 1 ? groupLabel(cells[0]!) : null;
  if (sub) return { labels: [sub], role: null, rest: cells.slice(1).join('\t').trim() };
  if (g) return { labels: [g], role: null, rest };
  const role = roleHeading(head);
  if (role) return { labels: [], role, rest };
  return null;
}

/** "Beslutande Ledamöter", "Övriga närvarande Ersättare": a column label and a sub-heading; the sub-heading is the group. */
function combinedLabel(text: string): GroupLabel | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return null;
  for (let k = 1; k < words.length; k++) {
    const outer = words.slice(0, k).join(' ');
    const inner = groupLabel(words.slice(k).join(' '));
    if (inner && groupLabel(outer)) return inner;
  }
  return null;
}

/** "Tjänstepersoner/ övriga Carl Bartler (…)": a label run into its first entry with only a space between. */
function labelThenEntries(text: string): [string, string, string] | null {
  // OCR can glue a label to the first name: "TjänstepersonerMikaela Waltersson (M)".
  const glued = /^(\p{L}[\p{L}/ ]{2,40}?\p{Ll})(\p{Lu}\p{Ll}.*)$/u.exec(text);
  if (glued && (groupLabel(glued[1]!) || roleHeading(glued[1]!)) && isEntryText(glued[2]!)) return [text, glued[1]!, glued[2]!];
  const words = text.split(' ');
  if (!LABEL_FIRST_WORDS.has(labelKey(words[0]!.split('/')[0]!))) return null;
  for (let k = Math.min(4, words.length - 2); k >= 1; k--) {
    const head = words.slice(0, k).join(' ');
    const rest = words.slice(k).join(' ');
    if ((groupLabel(head) || roleHeading(head)) && isEntryText(rest)) return [text, head, rest];
  }
  return null;
}

/** The rest of a line after the name must look like entry detail, not a sentence about the person. */
export function isEntryText(raw: string): boolean {
  const text = joinCells(raw);
  const parts = splitEntries(text);
  if (parts.length > 1) return parts.every((p) => parseEntry(p) !== null);
  const e = parseEntry(text);
  if (!e) return false;
  const after = entryText(text).slice(e.name.length).trim();
  if (after === '') return true;
  if (/^[(,;\t–-]/.test(after) || /^(?:ersätter|tjänstgör)/i.test(after)) return after.length < 250;
  // "Emelie Andersson ärende 13", "Per Ek §§ 3-5", "Eva Berg punkt 4": the paragraphs a person was there for.
  if (/^(?:ärende|ärendena|punkt|punkterna|§§?)\s*\d[\d\s,–-]*$/i.test(after)) return true;
  return false;
}

function stopsBlock(ctx: SegmentContext, l: Line): boolean {
  const t = l.text.trim();
  if (/^\p{Ll}/u.test(t) && !/:/.test(t)) return false;
  return readGroupHeading(t) !== null || SECTION_LABELS.has(labelKey(t)) || /^§\s*\d/.test(t) || SECTION_LABELS.has(labelKey(t.split(/[:\t]/)[0] ?? ''));
}

function toAttendee(e: EntryFields, group: AttendeeGroup | null, role: string | null, at: Line): Attendee {
  // Whoever "ersätter" a member serves in their place, and so decides, whichever column the line stood under.
  if (e.replaces && group === 'ersättare') group = 'beslutande';
  return {
    name: e.name,
    party: e.party,
    organization: e.organization,
    title: e.title,
    role: e.role ?? role,
    group,
    replaces: e.replaces,
    note: e.note,
    source: ref(at),
  };
}

/**
 * Scans the front matter (everything before `end`) for attendee and role blocks. Entries continue
 * while lines read as entries; wrapped lines are joined first so an entry broken by the page width
 * stays whole.
 */
export function findAttendees(ctx: SegmentContext, end: number, start = 0, depth = 0): Attendee[] {
  const attendees: Attendee[] = depth < 2 ? columnBlocks(ctx, start, end, depth) : [];
  const roles: Array<{ name: string; role: string; at: Line }> = [];
  // Under "Underskrifter", "Ordförande" over a name is a signature line, not a role given to an attendee.
  let signing = false;
  for (let i = start; i < end; i++) {
    if (!ctx.isFree(i)) continue;
    const text = ctx.lines[i]!.text.trim();
    const split = splitLabel(ctx, i);
    const heading = readGroupHeading(split?.text ?? ctx.lines[i]!.text);
    if (/^underskrift(?:er)?:?(?:\t|$)/i.test(text)) signing = true;
    else if (signing && (heading?.labels.length || (!heading && SECTION_LABELS.has(labelKey(text.split(/[:\t]/)[0] ?? '')) && !/^paragraf/i.test(text)))) signing = false;
    if (!heading || (signing && heading.role)) continue;
    // "Utses att justera:   Anna Ek" over "                  Ersättare: Per Lund": a label in the value column of a role
    // line names that role's substitute, not a group of attendees.
    const above = ctx.prevContent(i);
    const aboveHeading = above >= 0 ? readGroupHeading(ctx.lines[above]!.text) : null;
    const x = ctx.lines[i]!.cells[0]!.x;
    if (aboveHeading?.role && x >= 12 && ctx.lines[above]!.cells.some((c, k) => k > 0 && Math.abs(c.x - x) <= 3)) {
      ctx.claim(i, 'attendees', 'attendees.role-substitute');
      continue;
    }
    ctx.claim(i, 'attendees', 'attendees.group-heading');
    if (split) {
      ctx.claim(i + 1, 'attendees', 'attendees.wrapped-label');
      i++;
    }
    const headingLine = ctx.lines[split ? i - 1 : i]!;
    // Logical lines: a heading's own rest, then following lines, wrapped ones joined.
    const logical: Array<{ text: string; at: Line; organization?: string }> = [];
    // "Se nästa sida", "Enligt bilaga 1, närvarolista": the list stands elsewhere, and is read there.
    const pointer = /^(?:se|enligt|jfr\.?)\s+(?:nästa sida|sidan?\s+\d|bilaga|bifogad|närvaro|separat|följande sida)/i.test(heading.rest);
    if (heading.rest && !pointer) logical.push({ text: heading.rest, at: ctx.lines[i]! });
    // A table's header row is either the line under the label or the label's own line ("Ledamöter\tParti\tNärv.").
    const ownRow = !heading.role && heading.rest !== '' ? columnFields(ctx.lines[i]!.text) : null;
    const table = ownRow ?? (heading.rest === '' && !heading.role ? columnFields(ctx.lines[i + 1]?.text ?? '') : null);
    if (table) {
      const label = heading.labels[0];
      const read = readTable(ctx, ownRow ? i : i + 1, end, table, (l) => stopsBlock(ctx, l));
      for (const { entry, substitute, at } of read.rows) {
        // A member with someone sitting in their place was away; the substitute decided.
        attendees.push(toAttendee(entry, substitute ? 'frånvarande' : label?.group ?? null, substitute ? null : label?.role ?? null, at));
        if (substitute) attendees.push(toAttendee({ ...substitute, replaces: entry.name }, 'beslutande', 'tjänstgörande ersättare', at));
      }
      i = read.last;
      continue;
    }
    let open = heading.rest !== '' && (ctx.lines[i]!.wrapped || continuesList(heading.rest, ctx.lines[i + 1], heading.rest));
    let j = i + 1;
    for (; j < end; j++) {
      const l = ctx.lines[j]!;
      if (l.furniture) continue;
      if (ctx.zone[j] !== null) break;
      // "Lisa Andersson (M)," over "Ordförande": a role after a comma ends the entry above, though it reads as a label.
      const roleAfterComma = /,$/.test(logical[logical.length - 1]?.text.trim() ?? '') && roleWord(l.text) !== null;
      if (open && logical.length && (!stopsBlock(ctx, l) || roleAfterComma)) {
        const before = logical[logical.length - 1]!;
        // "§§ 25-" / "26": a range broken at its dash joins without a space.
        before.text += (/\d[-–]$/.test(before.text) && /^\d/.test(l.text.trim()) ? '' : ' ') + l.text.trim();
        ctx.claim(j, 'attendees', 'attendees.list-continues');
        open = l.wrapped || continuesList(l.text, ctx.lines[j + 1], logical[logical.length - 1]!.text);
        continue;
      }
      if (stopsBlock(ctx, l)) break;
      const joined = collectWrapped(ctx, j, end);
      const place = byPlace(joined.text);
      if (!place && !isEntryText(joined.text)) {
        // In a column read on its own, one row OCR misread ("Mats 6berg, Närsjukvården") does not end the list.
        const after = ctx.nextContent(joined.last);
        if (depth > 0 && joined.text.length <= 60 && after >= 0 && after < end && isEntryText(ctx.lines[after]!.text)) {
          ctx.warn('attendee-unparsed', `could not read an attendee from "${joined.text.slice(0, 60)}"`, l);
          j = joined.last;
          continue;
        }
        break;
      }
      logical.push(place ? { text: place.entries, at: l, organization: place.organization } : { text: joined.text, at: l });
      for (let k = j; k <= joined.last; k++) ctx.claim(k, 'attendees', 'attendees.entry');
      j = joined.last;
    }
    // Labels over columns ("Beslutande | Ledamöter | Tjänstgörande ersättare"): with three, the first names the whole block.
    const columnLabels = heading.labels.length >= 3 ? heading.labels.slice(1) : heading.labels;
    const labelX = headingLine.cells.slice(heading.labels.length - columnLabels.length).map((c) => c.x);
    for (const { text, at, organization } of logical) {
      const columns = heading.labels.length > 1 ? text.split('\t').filter((c) => c.trim()) : sameGroupColumns(text);
      const entries = columns.map((col) => splitEntries(col));
      // Which label each person is under: by column where the row has one cell per label; a row of fewer cells goes
      // by where its cell stands, unless a text copy ran the columns together into one cell holding one person per label.
      const labelOf = (k: number, n: number): GroupLabel | undefined => {
        if (columnLabels.length <= 1) return heading.labels[0];
        if (columns.length === columnLabels.length) return columnLabels[k];
        if (columns.length === 1 && entries[0]!.length === columnLabels.length) return columnLabels[n];
        const x = at.cells.length === columns.length ? at.cells[k]!.x : 0;
        let best = 0;
        labelX.forEach((lx, m) => { if (lx <= x + 3) best = m; });
        return columnLabels[best];
      };
      entries.forEach((parts, k) => {
        parts.forEach((part, n) => {
          const e = parseEntry(part);
          if (!e) {
            if (part.trim()) ctx.warn('attendee-unparsed', `could not read an attendee from "${part.trim().slice(0, 60)}"`, at);
            return;
          }
          if (organization) e.organization ??= organization;
          const label = labelOf(k, n);
          if (heading.role) roles.push({ name: e.name, role: heading.role, at });
          else attendees.push(toAttendee(e, label?.group ?? heading.labels[0]?.group ?? null, label?.role ?? null, at));
        });
      });
    }
    i = j - 1;
  }
  for (const r of roles) assignRole(attendees, r.name, r.role);
  return attendees;
}

/**
 * Two columns of people side by side under group labels (members left, substitutes and staff right, each column with
 * labels of its own and notes wrapped in it) are read as two lists, one column after the other. The block runs from
 * a group label to the end of its page or the next part of the front matter.
 */
function columnBlocks(ctx: SegmentContext, start: number, end: number, depth: number): Attendee[] {
  const out: Attendee[] = [];
  for (let i = start; i < end; i++) {
    if (!ctx.isFree(i) || !readGroupHeading(ctx.lines[i]!.text)?.labels.length) continue;
    const block: number[] = [];
    for (let k = i; k < end && ctx.lines[k]!.page === ctx.lines[i]!.page; k++) {
      const l = ctx.lines[k]!;
      if (l.furniture) continue;
      if (!ctx.isFree(k) || (k > i && (endsColumnBlock(l.text) || labelWithValue(l) || !l.cells.every((c) => isListCell(c.text))))) break;
      block.push(k);
    }
    const lines = block.map((k) => ctx.lines[k]!);
    const edge = secondColumn(lines, (l) => l.cells.every((c) => readGroupHeading(c.text)?.labels.length && !readGroupHeading(c.text)?.rest));
    if (edge === null) continue;
    const streams = splitColumns(lines, edge);
    // Columns of people, not labels beside their values: both sides hold people on two rows or more.
    if (streams.some((st) => st.filter((l) => isEntryText(l.text.replace(/\t/g, ' '))).length < 2)) continue;
    for (const stream of streams) {
      // A column without a label of its own is under the label the block began with.
      if (!readGroupHeading(stream[0]!.text)) {
        const label: Line = { ...lines[0]!, wrapped: false };
        setCells(label, [lines[0]!.cells[0]!]);
        stream.unshift(label);
      }
      const sub = new SegmentContext(stream);
      out.push(...findAttendees(sub, stream.length, 0, depth + 1));
      ctx.warnings.push(...sub.warnings);
    }
    for (const k of block) ctx.claim(k, 'attendees', 'attendees.columns');
    i = block[block.length - 1]!;
  }
  return out;
}

/** "Övriga närvarande<tab>Maria Lind, regiondirektör": a label with its value beside it starts a part of its own. */
function labelWithValue(l: Line): boolean {
  if (l.cells.length < 2) return false;
  const first = l.cells[0]!.text.replace(/:$/, '');
  return (groupLabel(first) !== null || roleHeading(first) !== null) && l.cells.slice(1).some((c) => !readGroupHeading(c.text));
}

/**
 * A cell of a list of people: a label, a person (also one OCR misread: "Mats 6berg, Närsjukvården"), or a note wrapped
 * from the line above. A sentence, a numbered heading or a long line is not.
 */
function isListCell(text: string): boolean {
  const t = text.trim();
  if (t.length > 90 || /^\d{1,3}[.)]\s+\p{Lu}/u.test(t)) return false;
  return !(/[.!?]$/.test(t) && t.split(/\s+/).length > 6);
}

/** A part of the front matter that is not a list of people: place and time, justering, signatures, an index, an item. */
function endsColumnBlock(text: string): boolean {
  const first = text.split('\t')[0]!.trim();
  const label = first.split(':')[0]!;
  return (SECTION_LABELS.has(labelKey(label)) && !groupLabel(label)) || roleHeading(label) !== null || /^§\s*\d/.test(first) || /^(?:anslag|bevis|underskrift)/i.test(first);
}

/**
 * A label column too narrow for its label wraps it: "Ej tjänstgörande\tLina Forsberg (S), …," over
 * "ersättare\tPatrik Öhman (SD)". The two first cells are one label, the two rests one value.
 */
function splitLabel(ctx: SegmentContext, i: number): { text: string } | null {
  let here = ctx.lines[i]!.text.split('\t');
  const next = ctx.lines[i + 1];
  if (!next || next.gapBefore || !ctx.isFree(i + 1) || groupLabel(here[0]!.trim())) return null;
  const there = next.text.split('\t');
  if (there.length < 2 || !/^\p{Ll}/u.test(there[0]!.trim())) return null;
  // "Ej tjänstgörande Kristoffer Alm (M)": the label's first half set off from the name by one space only.
  if (here.length < 2) {
    const words = here[0]!.trim().split(' ');
    const k = [1, 2, 3].find((n) => n < words.length && groupLabel(`${words.slice(0, n).join(' ')} ${there[0]!.trim()}`) && isEntryText(words.slice(n).join(' ')));
    if (k === undefined) return null;
    here = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
  }
  const label = `${here[0]!.trim()} ${there[0]!.trim()}`;
  if (!groupLabel(label)) return null;
  return { text: `${label}\t${here.slice(1).join(' ').trim()} ${there.slice(1).join(' ').trim()}` };
}

/**
 * "Kungälv: Anna Ek (S), Per Lund (M)": the people a member municipality or organisation sent, after its name.
 * The name before the colon is not a label of minutes, and what follows reads as entries.
 */
function byPlace(text: string): { organization: string; entries: string } | null {
  const m = /^(\p{Lu}[\p{L} .&-]{1,40}?):\s*(\S.*)$/u.exec(text.trim());
  if (!m || readGroupHeading(m[1]!) || SECTION_LABELS.has(labelKey(m[1]!)) || LABEL_FIRST_WORDS.has(labelKey(m[1]!.split(/\s/)[0]!))) return null;
  return isEntryText(m[2]!) ? { organization: m[1]!.trim(), entries: m[2]! } : null;
}

/**
 * A line that stops in the middle of a list goes on in the next line, whatever the layout flags say: it ends
 * with a comma, "och" or "samt", or with the first half of a name whose second half opens the next line
 * ("…(vpk), Bertil" / "Nilsson (m), …"). A lone word after a comma is otherwise a place ("Kissner (KD), Ovanåker").
 * Running text that introduces people ("ledamöterna Karl-Erik", "samt suppleanterna") goes on until its full stop.
 */
export function continuesList(text: string, next?: Line, sofar: string = text): boolean {
  const t = text.trim();
  if (/(?:,|\s(?:och|samt))$/u.test(t)) return true;
  if (!next) return false;
  // "… rösträknare §§" / "25-26": a note cut where nothing can end, even where the copy left a blank line.
  if (/(?:§§?|\d\s*[-–])$/u.test(t) && /^\d/.test(next.text.trim()) && next.text.trim().length <= 12) return true;
  // "Leif Berg (KB) §21 - del av §26" / "klockan 11.45": a note wrapped onto a short line of its own.
  const n = next.text.trim();
  if (!next.gapBefore && n.length <= 40 && /^(?:\p{Ll}|§|\d)/u.test(n) && !parseEntry(n) && /(?:§\s*\d+|\bdel av\b|\bkl(?:ockan|\.)?|[-–])$|\d$/u.test(t) && /^(?:kl(?:ockan|\.)?|\d|§|del av|till|och|\p{Ll}+\s+§)/u.test(n)) return true;
  // "Magdalena Sund (S), 2:e vice" / "ordförande": a role or title wrapped onto a short line of lower-case words.
  if (!next.gapBefore && n.length <= 25 && /^\p{Ll}[\p{Ll}\s/-]*$/u.test(n) && !/[.)]$/.test(t) && /\p{Ll}$/u.test(t)) return true;
  // "… Nadia Haddad" / "(sekreterare), Pelle Norén": a person's parenthesis broken onto the next line.
  if (/\p{L}$/u.test(t) && /^\([^)]{1,40}\)(?:[,\s]|$)/u.test(next.text.trim()) && !next.gapBefore) return true;
  if (/\),\s*\p{Lu}[\p{Ll}-]+$/u.test(t) && /^\p{Lu}[\p{Ll}-]+\s*\(/u.test(next.text.trim())) return true;
  return !next.gapBefore && !/[.)]$/.test(t) && RUNNING_TEXT.test(sofar);
}

/** The words running text puts before the people it lists: "ordföranden", "ledamöterna", "suppleanterna", "fru". */
const RUNNING_TEXT = /(?:^|,\s*|\s(?:och|samt)\s+)(?:(?:herr|fru|fröken)\s+)?(?:ordf\.|ordföranden|vice\s+ordf(?:\.|öranden)|ledamöterna|ledamoten|suppleanterna|suppleanten|ersättarna|ersättaren|tjänstgörande\s+ersättar(?:en|na)|fru|herr|fröken)\s+\p{Lu}/iu;

/**
 * Under one label, a tab either separates two people set side by side ("Gunnar Ekelund (M), VGR\tTherese
 * Lindvall (S), VGR") or the fields of one person ("Anna Ek\t(S)\tAle"). Side by side, every cell starts with a
 * name: the cells are then read apart; otherwise the fields are joined with spaces.
 */
function sameGroupColumns(text: string): string[] {
  const cells = text.split('\t').map((c) => c.trim()).filter(Boolean);
  const people = cells.length > 1 && cells.every((c) => parseEntry(c) !== null && /^\p{Lu}/u.test(c));
  return people ? cells : [joinCells(text)];
}

function collectWrapped(ctx: SegmentContext, start: number, end: number): { text: string; last: number } {
  let text = ctx.lines[start]!.text.trim();
  let last = start;
  while ((ctx.lines[last]!.wrapped || continuesList(ctx.lines[last]!.text, ctx.lines[last + 1], text)) && last + 1 < end && ctx.lines[last + 1]!.furniture === null
    && ctx.zone[last + 1] === null && !stopsBlock(ctx, ctx.lines[last + 1]!)) {
    last++;
    const more = ctx.lines[last]!.text.trim();
    text += (/\d[-–]$/.test(text) && /^\d/.test(more) ? '' : ' ') + more;
  }
  return { text, last };
}

/** Gives a listed person a role named elsewhere (justerare, sekreterare, ordförande); unknown names are left alone. */
export function assignRole(attendees: Attendee[], name: string, role: string): boolean {
  const key = name.toLowerCase().replace(/\s+/g, ' ').trim();
  const a = attendees.find((x) => x.name.toLowerCase() === key);
  if (!a) return false;
  if (!a.role) a.role = role;
  return true;
}
