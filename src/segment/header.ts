// Reads the header fields: title, organisation, body, numbers, date, times, place and paragraph range.
import type { Line } from '../document.js';
import type { DocumentKind, Header } from '../schema/minutes.js';
import type { SegmentContext } from './context.js';
import { findDates, findTimes } from './dates.js';
import { AGENDA_LABELS, LABEL_FIRST_WORDS, SECTION_LABELS, groupLabel, roleHeading } from './vocabulary.js';
import { isPageNumber } from '../clean/furniture.js';
import { readFields } from './fields.js';
import { isTitleLike, keySet, labelKey } from './text.js';

const DOC_TYPE = /^(sammanträdesprotokoll|protokoll|justerat protokoll|protokollsutdrag|minnesanteckningar|mötesanteckningar|sammanträdesanteckningar|anteckningar|minnesanteckning|mötesprotokoll|beslutsprotokoll|styrelseprotokoll)$|^(?:protokoll|minnesanteckningar|anteckningar)\s+(?:fört|förda|från|vid)\s+\p{L}.{0,60}$/iu;
const PROTOCOL_NUMBER = /\b(?:protokoll|sammanträde|möte)\s+(?:nr|nummer|no)\.?\s*(\d+)\b|^nr\.?\s*(\d+)\b/i;
const ORG_NUMBER = /\b(\d{6}-\d{4})\b/;
const ORGAN = /(?:styrelse|styrelsen|nämnd|nämnden|fullmäktige|utskott|utskottet|direktion|direktionen|beredning|beredningen|råd|rådet|presidium|presidiet|kommitté|revision|revisionen|revisorer|revisorerna|stämma|stämman|årsmöte|årsmötet|förbundsstyrelse|kommunstyrelse|regionstyrelse|grupp|gruppen|nätverk|nätverket)\b/i;
/** A meeting body's own name ("Kommunfullmäktige", "Tekniska nämnden", "Kommunrevisionen"), never an organisation's. */
const BODY_NAME = /^(?:[\p{L}-]+\s+(?:och\s+[\p{L}-]+\s+)?)?[\p{L}-]*(?:fullmäktige|styrelsen?|nämnden?|utskott(?:et)?|direktionen?|beredningen?|revisionen|presidiet)$/iu;
/** A municipality, region or county council: the organisation a body belongs to. */
const AUTHORITY = /\b(?:kommun|kommuns|region|landsting|stad|kommunalförbund)\b|^region\s/i;
const PARAGRAPH_RANGE = /§§?\s*(\d+)\s*[-–—]\s*§?\s*(\d+)/;

const TIME_PLACE = keySet(['Tid och plats', 'Plats och tid', 'Tid och lokal', 'Datum och tid', 'Datum, tid och plats', 'Sammanträdesdatum', 'Mötesdatum', 'Datum', 'Tid', 'Plats', 'Lokal', 'Sammanträde']);
const PARAGRAPHS_LABEL = keySet(['Paragrafer', 'Paragraf', '§§']);

export function emptyHeader(): Header {
  return {
    kind: 'unknown', title: null, organization: null, body: null, orgNumber: null, protocolNumber: null,
    date: null, dateText: null, endDate: null, startTime: null, endTime: null, location: null, paragraphs: null,
  };
}

interface Labelled { label: string; value: string; at: Line; index: number }

/** "Label: value", "Label\tvalue", or a label alone with its value on the next content line. */
function labelledValues(ctx: SegmentContext, end: number, labels: Set<string>): Labelled[] {
  const out: Labelled[] = [];
  end = Math.min(end, ctx.lines.length);
  for (let i = 0; i < end; i++) {
    const l = ctx.lines[i]!;
    const t = l.text.trim();
    const m = /^([^:\t]{2,40}?)\s*(?::|\t)\s*(.*)$/.exec(t) ?? labelPrefix(t, labels);
    if (m && labels.has(labelKey(m[1]!)) && m[2]!.trim()) {
      let value = m[2]!.trim();
      let k = i;
      // A wrapped value continues, unless the next line opens a section of its own (OCR marks wraps generously).
      // Plain text has no wrap marks: a line right under it that opens in lower case goes on with the value.
      const goesOn = (n: Line) => !n.gapBefore && /^\p{Ll}/u.test(n.text.trim()) && !/[.:]$/.test(value);
      while (k + 1 < end && (ctx.lines[k]!.wrapped || goesOn(ctx.lines[k + 1]!)) && !startsWithLabel(ctx.lines[k + 1]!.text)) value += ' ' + ctx.lines[++k]!.text.trim();
      out.push({ label: labelKey(m[1]!), value, at: l, index: i });
      continue;
    }
    if (labels.has(labelKey(t.replace(/\.{2,}.*$/, '')))) {
      const j = ctx.nextContent(i);
      if (j >= 0 && j < end + 3 && !SECTION_LABELS.has(labelKey(ctx.lines[j]!.text))) {
        out.push({ label: labelKey(t), value: ctx.lines[j]!.text.trim(), at: ctx.lines[j]!, index: j });
      }
    }
  }
  return out;
}

function startsWithLabel(text: string): boolean {
  // OCR glues a label to what follows ("TjänstepersonerMikaela"): the label ends where a capital starts a new word.
  const first = (text.trim().split(/[\s:\t/]/)[0] ?? '').split(/(?<=\p{Ll})(?=\p{Lu})/u)[0] ?? '';
  return LABEL_FIRST_WORDS.has(labelKey(first)) || SECTION_LABELS.has(labelKey(text.split(/[:\t]/)[0] ?? ''));
}

/** "Plats och tid Kommunhuset, kl. 08.30": a label followed by its value after a plain space. */
function labelPrefix(text: string, labels: Set<string>): [string, string, string] | null {
  if (labels.has(labelKey(text))) return null; // the whole line is the label; its value is on the next line
  const words = text.split(' ');
  for (let k = Math.min(5, words.length - 1); k >= 1; k--) {
    const head = words.slice(0, k).join(' ');
    if (labels.has(labelKey(head))) return [text, head, words.slice(k).join(' ')];
  }
  return null;
}

/** Place words around a date and time: "Orbaden den 24 januari 2024 kl 09:00-15:00", "… 08.30-12:00 på Mindpark, …". */
export function locationFrom(value: string): string | null {
  const v = value.replace(/\s+/g, ' ').replace(/^[–—-]\s*/, '').trim();
  const opened = /\b(?:på|pa|i lokal(?:en)?|lokal)\s+(.+)$/i.exec(v);
  // "… kl 14.00-16.30 i stadshusets sammanträdesrum 3": right after the time, "i" opens the place as "på" does.
  const afterTime = /\d{1,2}[.:]\d{2}\s+i\s+(.+)$/.exec(v);
  const after = opened ? { place: opened[1]!, index: opened.index } : afterTime ? { place: afterTime[1]!, index: v.length - afterTime[1]!.length } : null;
  const firstDateOrTime = v.search(/\b(?:den\s+)?\d{1,2}(?::e|:a)?\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)|\b\d{4}-\d{2}-\d{2}|\bkl(?:ockan)?\.?\s*\d|\b\d{1,2}[.:]\d{2}\b|\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b/i);
  let place: string;
  if (after && (firstDateOrTime < 0 || after.index > firstDateOrTime)) place = after.place;
  else if (firstDateOrTime > 0) place = v.slice(0, firstDateOrTime);
  else if (firstDateOrTime < 0) place = v;
  else return null;
  place = place.replace(/\b(?:den|kl\.?|klockan)\s*$/i, '').replace(/^[\s,–—-]+|[\s,.;–—-]+$/g, '').trim();
  // A sentence end closes the place; what follows is another remark ("Mötesrum …").
  place = place.replace(/\.\s.*$/, '');
  return place && !/^\d/.test(place) ? place : null;
}

export function readHeader(ctx: SegmentContext, end: number, hasMinutesStructure: boolean): Header {
  const h = emptyHeader();
  const front = ctx.lines.slice(0, Math.max(end, Math.min(ctx.lines.length, 8)));

  // Title, organisation and body from the first lines (running headers included: they carry them).
  const isOther = (t: string) => ORG_NUMBER.test(t) || findDates(t).length > 0 || /@|https?:/.test(t) || PROTOCOL_NUMBER.test(t)
    || SECTION_LABELS.has(labelKey(t.split(/[:\t]/)[0]!)) || groupLabel(t.split(/[:\t]/)[0]!) !== null || AGENDA_LABELS.has(labelKey(t))
    || roleHeading(t) !== null || /^§/.test(t);
  // Running headers print organisation, document type and page in one row: each cell counts as a line.
  const top = joinSplitName(front.slice(0, 12)
    .filter((l) => !['signature-box', 'page-number'].includes(l.furniture ?? ''))
    .flatMap((l) => l.text.split('\t').map((cell) => ({ ...l, text: cell.trim() })).filter((c) => c.text && !isPageNumber(c.text))));
  const typeIdx = top.findIndex((l) => DOC_TYPE.test(l.text.trim()));
  if (typeIdx >= 0) {
    h.title = top[typeIdx]!.text.trim();
    const before = top[typeIdx - 1]?.text.trim();
    if (before && isTitleLike(before) && !isOther(before)) h.organization = before;
    // "Norrvatten Kommunalt AB" / "Org.nr 556123-4567" / "Protokoll fört vid …": the name above the number.
    else if (before && isOther(before)) {
      const name = top.slice(Math.max(0, typeIdx - 3), typeIdx - 1).map((l) => l.text.trim()).reverse().find((t) => isTitleLike(t) && !isOther(t));
      if (name) h.organization = name;
    }
    // "ÖSTERVIK KOMMUN" / "Kommunfullmäktiges demokratiberedning" / "MINNESANTECKNINGAR": the municipality or
    // region above (or the name right above the body: "Samverkansråd Kust" / "Ledningsgruppen") is the
    // organisation, the body right above the type is the body.
    const authority = top.slice(0, Math.max(0, typeIdx - 1)).map((l) => l.text.trim())
      .find((t) => AUTHORITY.test(t) && isTitleLike(t) && !isOther(t) && t.split(/\s+/).length <= 5);
    const above = top[typeIdx - 2]?.text.trim();
    const parent = authority ?? (above && isTitleLike(above) && !isOther(above) && above.split(/\s+/).length <= 5 ? above : undefined);
    if (before && ORGAN.test(before) && parent) {
      h.organization = parent;
      h.body = before;
    }
    const after = top[typeIdx + 1]?.text.trim();
    if (after && ORGAN.test(after) && !isOther(after)) h.body = after;
  } else {
    const first = top.find((l) => isTitleLike(l.text.trim()) && !isOther(l.text.trim()) && l.text.trim().split(/\s+/).length <= 14);
    if (first) h.title = first.text.trim();
  }
  if (h.title && !h.organization) {
    const inOrg = /\bi\s+((?:[\p{Lu}][\p{L}-]*\s*){1,4})$/u.exec(h.title);
    if (inOrg && typeIdx < 0) h.organization = inOrg[1]!.trim();
  }
  const fields = readFields(ctx, Math.max(end, 1));
  // "KOMMUNFULLMÄKTIGE | SAMMANTRÄDESPROTOKOLL": a body printed where the organisation would stand is the body.
  if (h.organization && BODY_NAME.test(h.organization) && !AUTHORITY.test(h.organization)) {
    h.body ??= h.organization;
    h.organization = null;
  }
  h.body ??= fields.find((f) => f.key === 'organ')?.value.split(',')[0]!.trim() ?? null;
  // The municipality or region where the front matter names it: where the protocol is kept ("Förvaringsplats: Lomma
  // kommun"), the place ("Lomma kommun, Sessionssalen"), or a logo line above.
  h.organization ??= fields.filter((f) => f.key === 'storage' || f.key === 'place' || f.key === 'place-time').map((f) => f.value)
    .map(authorityIn).find((x) => x !== null)
    ?? top.slice(0, 6).map((l) => l.text.trim()).find((t) => t.split(/\s+/).length <= 4 && authorityIn(t) === t) ?? null;
  const kindText = `${h.title ?? ''} ${top.slice(0, 4).map((l) => l.text).join(' ')}`;
  h.kind = kindOf(kindText, hasMinutesStructure);

  for (const l of front) {
    const t = l.text;
    h.orgNumber ??= ORG_NUMBER.exec(t)?.[1] ?? null;
    const pn = PROTOCOL_NUMBER.exec(t.trim());
    if (pn && !h.protocolNumber) h.protocolNumber = pn[1] ?? pn[2] ?? null;
  }

  // Date, times and place from the front matter's fields; then any dated line that is not about justering or the notice.
  const notMeeting = new Set(fields.filter((f) => f.key === 'justering' || f.key === 'notice').map((f) => f.at));
  // Place and time together first: they write the date out in words ("tisdagen den 14 mars 2023"), which dateText keeps.
  const order: Record<string, number> = { 'place-time': 0, date: 1, time: 2, place: 3 };
  const meeting = fields.filter((f) => f.key in order).sort((a, b) => order[a.key]! - order[b.key]!);
  for (const f of meeting) {
    const dates = findDates(f.value);
    const dated = dates.find((d) => d.iso);
    if (!h.dateText && dates[0]) h.dateText = dates[0].text;
    if (!h.date && dated) {
      h.date = dated.iso;
      h.dateText = dated.text;
      ctx.note(f.at, `header date ${dated.iso}`);
    }
    const later = dates.filter((d) => d.iso && d.iso !== h.date).pop();
    if (later && !h.endDate && f.key !== 'date') h.endDate = later.iso;
    const times = findTimes(f.value);
    if (!h.startTime && times.start) ctx.note(f.at, `header time ${times.start}–${times.end ?? ''}`);
    h.startTime ??= times.start;
    h.endTime ??= times.end;
  }
  const placeField = meeting.find((f) => f.key === 'place') ?? meeting.find((f) => f.key === 'place-time');
  if (placeField) {
    h.location = placeField.key === 'place' ? (locationFrom(placeField.value) ?? null) : locationFrom(placeField.value);
    if (h.location) ctx.note(placeField.at, `header location ${h.location}`);
  }
  if (!h.date) {
    let inSentence: { line: Line; text: string } | null = null;
    for (const l of front) {
      if (l.furniture === 'page-number' || notMeeting.has(l)) continue;
      const d = findDates(l.text).find((x) => x.iso);
      if (!d) continue;
      // "Taxan gäller från 1 januari 2027.": a date in running text is not the meeting's.
      if (isRunningText(l.text, d.text)) { inSentence ??= { line: l, text: d.text }; continue; }
      h.date = d.iso; h.dateText = d.text; ctx.note(l, `header date ${d.iso}`); break;
    }
    if (!h.date && inSentence) {
      ctx.warn('date-in-running-text', `the only full date near the top, "${inSentence.text}", stands in running text, so it is not taken as the meeting date`, inSentence.line);
    }
  }
  // "… kl. 19.00 i kommunalhuset i Skogsby." in the opening sentence of older minutes, with no label.
  if (!h.location) {
    const opening = front.find((l) => findDates(l.text).some((d) => d.iso) && /\d{1,2}[.:]\d{2}\s+(?:i|på)\s+\p{L}/u.test(l.text));
    if (opening) h.location = locationFrom(opening.text);
  }
  if (!h.startTime) {
    for (const l of front) {
      if (notMeeting.has(l)) continue;
      const t = findTimes(l.text);
      if (t.start) { h.startTime = t.start; h.endTime = t.end; break; }
    }
  }

  // "Ordföranden … förklarade sammanträdet avslutat kl. 21.45": the end time told at the end.
  if (h.startTime && !h.endTime) {
    for (let i = ctx.lines.length - 1; i >= Math.max(0, ctx.lines.length - 60); i--) {
      const text = `${ctx.lines[i - 1]?.text ?? ''} ${ctx.lines[i]!.text}`;
      const m = /\bavslut(?:at|ades|as|ade|ad)\b.{0,30}?\bkl(?:ockan|\.)?\s*(\d{1,2})[.:](\d{2})\b/i.exec(text);
      if (m) { h.endTime = `${m[1]!.padStart(2, '0')}:${m[2]}`; break; }
    }
  }

  // Paragraph range: "Paragrafer §§ 784-796", "Paragraf: § 41-§ 54", "Paragraf 14" (one §: 14–14), else a range of its own.
  const paraField = fields.find((f) => f.key === 'paragraphs');
  const cells = front.flatMap((l) => l.cells.map((c) => c.text));
  const rangeText = paraField?.value ?? cells.find((t) => /^(?:paragrafer?\s*)?§§\s*\d+\s*[-–]\s*\d+$/i.test(t.trim()));
  h.paragraphs = paragraphRange(rangeText);
  if (h.paragraphs && paraField) ctx.note(paraField.at, `header paragraphs ${h.paragraphs.from}–${h.paragraphs.to}`);
  return h;
}

/** "Lomma kommun", "Kommunkansliet, Stensjö kommun" → "Stensjö kommun", "Alingsås kommuns" → "Alingsås kommun", "Region Halland". */
export function authorityIn(text: string): string | null {
  const m = /(?:^|[\s,(])(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?\s(?:kommun|stad|landsting)s?|Region\s\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)(?=$|[\s,.;)])/u.exec(text)
    ?? /^((?:\p{Lu}+[\s-]?){1,3}\s(?:KOMMUN|STAD|REGION))$/u.exec(text.trim());
  if (!m) return null;
  const name = m[1]!.replace(/(kommun|stad|landsting)s$/, '$1');
  return /^(?:Kommunens|Kommunen|Staden)\b/.test(name) ? null : name;
}

/** "§§ 784-796", "§ 41-§ 54", "§1-§11", "§ 368", "14": a range, or one § as a range of one. A date is never a range. */
export function paragraphRange(text: string | undefined): Header['paragraphs'] {
  if (!text) return null;
  const t = text.trim();
  if (findDates(t).length) return null;
  const r = /§{0,2}\s*(\d{1,5})\s*[-–—]\s*§?\s*(\d{1,5})/.exec(t);
  if (r && Number(r[2]) >= Number(r[1])) return { from: Number(r[1]), to: Number(r[2]) };
  const one = /^§{0,2}\s*(\d{1,5})(?:\s|$)/.exec(t);
  return one ? { from: Number(one[1]), to: Number(one[1]) } : null;
}

/** Words a header line may hold around its date without being a sentence. */
const HEADER_WORDS = /^(?:den|kl|klockan|och|tid|plats|datum|lokal|från|till|samt|via|med|rum|sal|kommun|stad|region|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?)$/i;
/** Words that make a line the meeting's own opening ("Protokoll fört vid sammanträde … den 18 mars 1974"). */
const MEETING_WORDS = /\b(?:sammanträde|sammanträdet|sammanträdde|möte|mötet|protokoll|anteckningar|justerat|justering|sammankomst)\b/i;

/**
 * A line is running text when, besides the date, times, addresses and header words, it holds three or more
 * lower-case words and does not speak of the meeting itself.
 */
export function isRunningText(line: string, dateText: string): boolean {
  if (MEETING_WORDS.test(line)) return false;
  const rest = line.replace(dateText, ' ').replace(/\S+@\S+|https?:\S+/g, ' ').replace(/\b\d{1,2}[.:]\d{2}\b/g, ' ');
  const words = rest.split(/[^\p{L}]+/u).filter((w) => w.length >= 2 && /^\p{Ll}/u.test(w) && !HEADER_WORDS.test(w));
  return words.length >= 3;
}

/** A logo prints the name over its kind ("TALLÅSA" / "KOMMUN"): the two lines are one name. */
function joinSplitName<T extends { text: string }>(cells: T[]): T[] {
  const out: T[] = [];
  for (const c of cells) {
    const prev = out[out.length - 1];
    if (prev && /^(?:kommun|stad|region|landsting)$/i.test(c.text) && /^\p{Lu}[\p{L}-]+$/u.test(prev.text)) out[out.length - 1] = { ...prev, text: `${prev.text} ${c.text}` };
    else out.push(c);
  }
  return out;
}

function kindOf(text: string, hasMinutesStructure: boolean): DocumentKind {
  if (/protokoll/i.test(text)) return 'protokoll';
  if (/anteckning/i.test(text)) return 'anteckningar';
  return hasMinutesStructure ? 'anteckningar' : 'unknown';
}
