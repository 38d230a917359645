// Explains a conversion line by line: each cleaned line, the zone and rule that claimed it, and what it became.
import { load, runStages, type ConvertInput, type ConvertOptions } from './convert.js';
import { readInput } from './input/read.js';
import type { Minutes } from './schema/minutes.js';

export interface ExplainedLine {
  page: number;
  line: number;
  /** The line after cleaning (cells joined by tabs). */
  text: string;
  /** Why the line is page furniture (running-header, page-number, signature-box, side-box), or null. */
  furniture: string | null;
  /** The front-matter zone that claimed it (header, attendees, agenda, heading, signatures, legend), or null. */
  zone: string | null;
  /** The rule that claimed it, or null. */
  rule: string | null;
  /** What the line became: the elements whose source it is, the item it belongs to, header fields read from it. */
  became: string[];
}

export interface Explanation {
  lines: ExplainedLine[];
  minutes: Minutes;
}

/** Converts like `convert` and returns, beside the result, every cleaned line with its fate. */
export async function explain(input: ConvertInput, options: ConvertOptions = {}): Promise<Explanation> {
  const { bytes, file } = await load(input, options.fileName);
  const doc = await readInput(bytes, file, options);
  const { minutes, lines, trace } = runStages(doc, options);
  const elements = elementsBySource(minutes);
  const explained = lines.map((l, i) => {
    const t = trace[i]!;
    const became = [...t.notes];
    const key = `${l.page}:${l.line}`;
    for (const e of elements.get(key) ?? []) if (!became.includes(e)) became.push(e);
    if (t.item !== null && !became.some((b) => b.startsWith('item '))) {
      const item = minutes.items[t.item]!;
      became.push(`${t.zone === 'heading' ? 'heading of' : 'body of'} ${itemName(item)}`);
    }
    if (!l.furniture && t.zone === null && t.item === null && became.length === 0) became.push('unused');
    return { page: l.page, line: l.line, text: l.text, furniture: l.furniture, zone: t.zone, rule: l.furniture ? `furniture.${l.furniture}` : t.rule, became };
  });
  return { lines: explained, minutes };
}

const itemName = (i: Minutes['items'][number]) => (i.paragraph !== null ? `§ ${i.paragraph}${i.number ? ` (${i.number})` : ''}` : `item ${i.number ?? ''}`).trim() + ` "${i.title.slice(0, 50)}"`;

/** Every element with a source, described, by "page:line". A line can be the source of several. */
function elementsBySource(m: Minutes): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (src: { page: number; line: number }, what: string) => {
    const key = `${src.page}:${src.line}`;
    out.set(key, [...(out.get(key) ?? []), what]);
  };
  for (const a of m.attendees) add(a.source, `attendee ${a.name}${a.party ? ` (${a.party})` : ''} [${[a.group, a.role, a.title, a.replaces ? `ersätter ${a.replaces}` : null, a.note].filter(Boolean).join(', ')}]`);
  for (const e of m.agenda) add(e.source, `agenda ${e.number ?? '-'} "${e.title.slice(0, 60)}"`);
  for (const i of m.items) {
    add(i.source, `item ${itemName(i)}${i.caseNumber ? ` dnr ${i.caseNumber}` : ''}${i.kind ? ` (${i.kind})` : ''}`);
    for (const d of i.decisions) add(d.source, `decision in ${itemName(i)}: "${d.text.slice(0, 60)}"`);
    for (const v of i.votes) add(v.source, `vote in ${itemName(i)}: ${v.yes}–${v.no}`);
  }
  for (const s of m.signatures) add(s.source, `signature ${s.role ?? '-'} ${s.name} (${s.method})`);
  for (const w of m.warnings) if (w.page !== null && w.line !== null) add({ page: w.page, line: w.line }, `warning ${w.code}: ${w.message}`);
  return out;
}
