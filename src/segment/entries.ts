// Parses attendee entries: "Name (S), Org", "Name (M) (ordförande) (Region) note", "X ersätter Y", several per line.
import { roleWord } from './vocabulary.js';
import { NAME, isName } from './text.js';

export interface EntryFields {
  name: string;
  party: string | null;
  organization: string | null;
  title: string | null;
  role: string | null;
  replaces: string | null;
  note: string | null;
}

const PARTIES = new Set(['S', 'M', 'C', 'V', 'L', 'KD', 'SD', 'MP', 'FP', 'FI', 'Fi', 'PP', 'NYD', 'SPI', 'SJVP', 'ÖP', 'LPo', 'KAP', 'SLP', 'VPK', 'APK', 'KDS']);
/** Older minutes write party codes in lower case: "(s)", "(fp)", "(vpk)". Only the national codes, so "(bil)" stays text. */
const LOWER_PARTIES = new Set(['s', 'm', 'c', 'v', 'l', 'kd', 'sd', 'mp', 'fp', 'vpk', 'apk', 'kds', 'nyd', 'fi']);
/** Party codes are short capitals; local parties follow the same shape ("SPI", "ÖrP"). */
export function isParty(s: string): boolean {
  const t = s.trim();
  return PARTIES.has(t) || LOWER_PARTIES.has(t) || /^[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]?[A-ZÅÄÖ]{0,2}$/.test(t) && /^[A-ZÅÄÖ]+$|^[A-ZÅÄÖ][a-zåäö][A-ZÅÄÖ]$/.test(t) && t.length <= 4;
}

/** Job titles end in words like these; anything else in parentheses or after a comma is an organisation. */
const TITLE_END = /(?:direktör|chef|råd|sekreterare|strateg|handläggare|ansvarig|samordnare|controller|ekonom|jurist|utredare|assistent|koordinator|ledare|ombudsman|revisor|tjänsteperson|tjänsteman|specialist|konsult|analytiker|planerare|arkitekt|ingenjör|föreståndare|rektor|sakkunnig|expert|inspektör|förvaltare|registrator|kanslist|notarie|advokat|projektledare|verksamhetschef|vd|ceo|kamrer|kassör|ombud|sekreterare|räknare|tekniker|skrivare|vaktmästare|bibliotekarie|lärare|kurator|psykolog|sjuksköterska|läkare|representant|praktikant|student)$/iu;
const ORG_WORD = /\b(?:kommun|kommuns|region|regionen|stad|län|länsstyrelsen|förbund|förbundet|AB|bolag|bolaget|förvaltning|förvaltningen|kontoret|nämnd|nämnden|styrelse|styrelsen|sekretariatet|SKR|myndighet|universitet|högskola|verket)\b/iu;

export function isTitle(s: string): boolean {
  const words = s.trim().replace(/[.,]$/, '').split(/\s+/);
  // "verksamhetschef samhällsbyggnadskontoret", "specialist mark & exploatering": a title, then where it is held.
  if (words.length > 1 && TITLE_END.test(words[0]!) && words.length <= 5) return true;
  return TITLE_END.test(words[words.length - 1] ?? '') && !ORG_WORD.test(s);
}

const NOTE_WORD = /(?:^|\s)§|\b(?:kl\.?|klockan|dag|del av|fr\.?o\.?m|t\.?o\.?m|från|till|ej|deltar|deltog|via|digitalt|på distans|närvarande|lämnade|anslöt|under|punkt|ärende)\b/iu;
const REPLACES = /^(?:ersätter|ersättare för|tjänstgör för|tjänstgörande för|(?:tjänstgörande\s+)?i stället för|(?:tjänstgörande\s+)?istället för|för)\s+(.+)$/iu;

/**
 * A list mark before an entry ("- ", "• "), or the specks OCR reads in the margin before it ('. Emanuel Forsell',
 * '"Fredrik Kollberg'): neither is part of the name.
 */
export function withoutLeadMarks(text: string): string {
  return text.trim().replace(/^[-–•·*]\s+/, '').replace(/^(?:[.,:;"”“'’«»|]\s*){1,3}(?=\p{Lu})/u, '');
}

/**
 * A colon OCR put inside a name ("Stefan: Jägnert (SD)", "Patrik Jervne Henestam: (V)"): a label's colon follows a
 * label word, which never reaches here, so after a name word it is a speck.
 */
function withoutSpecks(text: string): string {
  return text.replace(/^(\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{Ll}-]+){0,2}):(?=\s+(?:\p{Lu}|\())/u, '$1');
}

/** An entry's text without list marks and OCR specks: what its name and details are read from. */
export function entryText(text: string): string {
  return withoutSpecks(withoutLeadMarks(text));
}

/** Reads one entry; null when the text does not start with a personal name. */
export function parseEntry(text: string): EntryFields | null {
  let t = entryText(joinCells(text)).replace(/[;.]$/, '').trim();
  const prefix = LEAD.exec(t);
  if (prefix) t = t.slice(prefix[0].length);
  const nameMatch = new RegExp(`^(${NAME}|[A-ZÅÄÖÉ]{2,}(?:[ -][A-ZÅÄÖÉ]{2,}){1,3})(?=$|[\\s,;(\\t])`, 'u').exec(t);
  if (!nameMatch || !isName(nameMatch[1]!)) return null;
  const fields: EntryFields = { name: nameMatch[1]!.trim(), party: null, organization: null, title: null, role: null, replaces: null, note: null };
  if (prefix) leadWords(prefix[1]!, fields);
  // "Kommundirektör Jan Fransson", "Kommunalkamrer Olle Sjöberg": a title written with a capital before the name.
  const words = fields.name.split(/\s+/);
  if (words.length >= 3 && isTitle(words[0]!) && !fields.title) {
    fields.title = words[0]!;
    fields.name = words.slice(1).join(' ');
  }
  t = t.slice(nameMatch[0].length).trim();
  const notes: string[] = [];
  // Parenthesised groups directly after the name: party, role, title and organisation.
  while (t.startsWith('(')) {
    const close = t.indexOf(')');
    if (close < 0) break;
    classifyParen(t.slice(1, close).trim(), fields, notes);
    t = t.slice(close + 1).trim();
    if (/^(?:ersätter|tjänstgör|för\s)/i.test(t)) break;
  }
  // "ersätter Y (S)" / "tjänstgör för Y"
  const rep = REPLACES.exec(t.replace(/^,\s*/, ''));
  // "för" alone is a substitute's mark only when a name follows: "Karl Berg (S) för Lisa Ek (S)".
  const forName = /^för\s/i.test(t.replace(/^,\s*/, '')) && new RegExp(`^för\\s+${NAME}`, 'iu').test(t.replace(/^,\s*/, ''));
  if (rep && (forName || /^(?:ersätter|ersättare|tjänstgör|i stället|istället)/i.test(t.replace(/^,\s*/, '')))) {
    const who = rep[1]!.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    const nm = new RegExp(`^(${NAME})`, 'u').exec(who);
    fields.replaces = nm ? nm[1]! : who;
    t = nm ? who.slice(nm[1]!.length).replace(/^[,\s]+/, '') : '';
  }
  if (t.startsWith(',') || t.startsWith(';')) {
    // A semicolon where a comma belongs is a common misreading (and typing) of the same separator.
    for (const part of t.slice(1).split(/[,;](?![^()]*\))/)) classifyPart(part.trim(), fields, notes);
  } else if (t) {
    // Text after the parentheses without a comma: a role or title, an organisation, otherwise a note.
    const role = roleWord(t);
    if (role && !fields.role) fields.role = role;
    else if (!fields.organization && ORG_WORD.test(t) && !NOTE_WORD.test(t)) fields.organization = t;
    else if (!fields.title && isTitle(t) && t.split(/\s+/).length <= 3) fields.title = t;
    else notes.push(t);
  }
  fields.note = notes.length ? notes.join(', ') : null;
  return fields;
}

/**
 * Cells of one person's row are fields: "Kerstin Sjöö<tab>PRO Hammarvik" reads as "Kerstin Sjöö, PRO Hammarvik"; a
 * cell in parentheses ("Anna Ek<tab>(S)") joins with a space, as written inline.
 */
export function joinCells(text: string): string {
  // "Ahmed Farah, för Eva Sund (S)<tab>S": a party in a column of its own belongs right after the person's name.
  const cells = text.split('\t');
  const partyAt = cells.findIndex((c, k) => k > 0 && /^[A-ZÅÄÖ]{1,3}$/.test(c.trim()) && isParty(c.trim()));
  if (partyAt > 0) {
    const name = new RegExp(`^\\s*(${NAME})(?!\\s*\\()`, 'u').exec(cells[0]!);
    if (name) {
      cells[0] = `${name[1]} (${cells[partyAt]!.trim()})${cells[0]!.slice(name[0].length)}`;
      cells.splice(partyAt, 1);
      text = cells.join('\t');
    }
  }
  return text.replace(/\s*\t+\s*(?=\S)/g, (gap, offset: number, all: string) => (all[offset + gap.length] === '(' || /[,;]$/.test(all.slice(0, offset)) ? ' ' : ', '));
}

/**
 * Words in lower case before a name, as running text introduces people: "ordf. Karl Svensson (s)",
 * "ledamöterna Gunnel Ek (s)", "tjänstgörande ersättaren Astrid Hansson (s)", "socialchef Gunnar Ström".
 */
const LEAD = /^((?:(?:Herr|Fru|Fröken|Hr\.|Ledamoten|Ledamöterna|Suppleanten|Suppleanterna)\s+|\p{Ll}[\p{Ll}:-]*\.?\s+){1,3})(?=\p{Lu})/u;
/** Forms of address older minutes put before names: "Herr ordföranden Nils Andersson", "fru Elsa Karlsson". */
const HONORIFIC = /^(?:herr|fru|fröken|hr\.)\s*/;
/** The definite forms running text uses ("ordföranden", "sekreteraren") name the same roles. */
const DEFINITE_ROLE: Record<string, string> = { ordföranden: 'ordförande', 'vice ordföranden': 'vice ordförande', sekreteraren: 'sekreterare' };
const LEAD_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:v\.?|vice)\s*ordf\.?$/, 'vice ordförande'],
  [/^(?:1:e|förste|2:e|andre)\s+vice\s+ordf\.?$/, ''],
  [/^ordf\.?$/, 'ordförande'],
  [/^sekr\.?$/, 'sekreterare'],
];
/** Group words that only say what the list already says ("ledamöterna", "ersättaren"): nothing to keep. */
const LEAD_GROUP = /^(?:ledamot|ledamoten|ledamöter|ledamöterna|ersättare|ersättaren|ersättarna|tjänstgörande ersättaren|tjänstgörande ersättarna|tjänstgörande ersättare|suppleant|suppleanten|suppleanterna)$/;

function leadWords(words: string, f: EntryFields): void {
  const w = words.trim().toLowerCase().replace(/\s+/g, ' ').replace(HONORIFIC, '');
  if (!w) return;
  if (DEFINITE_ROLE[w]) { f.role = DEFINITE_ROLE[w]!; return; }
  for (const [re, role] of LEAD_ABBREVIATIONS) if (re.test(w)) { f.role = role || w.replace(/ordf\.?$/, 'ordförande'); return; }
  const role = roleWord(w);
  if (role) { f.role = role; return; }
  if (LEAD_GROUP.test(w)) return;
  if (isTitle(w)) f.title = words.trim();
}

function classifyParen(inner: string, f: EntryFields, notes: string[]): void {
  if (!inner) return;
  // "(MP.)": a party with a speck after it.
  if (!f.party && /^\p{Lu}{1,4}\.$/u.test(inner) && isParty(inner.slice(0, -1))) { f.party = inner.slice(0, -1); return; }
  if (!f.party && isParty(inner)) { f.party = inner; return; }
  const role = roleWord(inner);
  if (role && !f.role) { f.role = role; return; }
  if (inner.includes(',')) {
    // "(Kommundirektör, Varbergs kommun)": title then organisation
    const [first, ...rest] = inner.split(',').map((s) => s.trim());
    if (first && isTitle(first) && !f.title) f.title = first;
    else if (first && !f.organization) f.organization = first;
    const remainder = rest.join(', ');
    if (remainder) {
      if (!f.organization) f.organization = remainder;
      else notes.push(remainder);
    }
    return;
  }
  if (/^(?:\d|kl|dag|§|del av|ej|från|till|via)/i.test(inner)) { notes.push(inner); return; }
  if (isTitle(inner) && !f.title) { f.title = inner; return; }
  if (!f.organization) f.organization = inner;
  else notes.push(inner);
}

function classifyPart(part: string, f: EntryFields, notes: string[]): void {
  if (!part) return;
  // "rösträknare §§ 25-26", "ekonomichef § 4": a title, then the paragraphs it was there for.
  // "närvarade under § 47": there for some paragraphs only.
  const during = /^(?:närvarade|närvarande|deltog|deltar)\s+(?:under|vid|i)\s+(§.*)$/i.exec(part);
  if (during) { notes.push(during[1]!); return; }
  const titled = /^(.*?\S)\s+(§.*)$/.exec(part);
  if (titled && isTitle(titled[1]!) && !f.title) {
    f.title = titled[1]!;
    notes.push(titled[2]!);
    return;
  }
  // "den senare såsom sekreterare": a role given in running text
  const as = /^(?:den (?:senare|förre|förstnämnde)\s+)?(?:såsom|som)\s+(.+)$/i.exec(part);
  if (as && roleWord(as[1]!) && !f.role) { f.role = roleWord(as[1]!); return; }
  if (!f.party && (PARTIES.has(part) || LOWER_PARTIES.has(part))) { f.party = part; return; }
  const role = roleWord(part);
  if (role && !f.role) { f.role = role; return; }
  const rep = REPLACES.exec(part);
  if (rep && !f.replaces && /^(?:ersätter|ersättare för|tjänstgör|i stället för|istället för)/i.test(part)) { f.replaces = rep[1]!.replace(/\s*\([^)]*\)/g, '').trim(); return; }
  const paren = /^(.*?)\s*\(([^)]*)\)$/.exec(part);
  if (paren && isParty(paren[2]!) && !f.party) { f.party = paren[2]!; part = paren[1]!; }
  if (NOTE_WORD.test(part) && !ORG_WORD.test(part)) { notes.push(part); return; }
  if (isTitle(part) && !f.title && !f.organization) { f.title = part; return; }
  if (!f.organization) { f.organization = part; return; }
  if (isTitle(part) && !f.title) { f.title = part; return; }
  notes.push(part);
}

/** The paragraphs a person was there for ("ärende 1-20", "§§ 3, 5"), then a space and the next person's name. */
const NOTE_THEN_NAME = new RegExp(String.raw`(?<=(?<!\p{L})(?:ärende|ärendena|punkt|punkterna)\s*\d[\d\s,–-]*\d|§§?\s*\d[\d\s,–-]*\d|(?<!\p{L})(?:ärende|punkt|§)\s*\d)\s+(?=${NAME}(?:\s|$))`, 'u');

/** Between the people of a list in running text: a comma, "och" or "samt". */
const LIST_SEPARATOR = /,\s*|\s+(?:och|samt)\s+(?=\p{L})/u;

const NAME_BEFORE_PAREN = new RegExp(`(?:^|(?<=[)\\s,;]))(${NAME})\\s*\\(`, 'gu');

/**
 * Splits one line (or a joined paragraph) into entry texts. Two shapes carry several people:
 * "Name (P) (Org) note Name (P) …" — every name followed by a parenthesis starts an entry;
 * "Name, Org Name, Org" — the last two capitalised words before a comma are the next name.
 */
export function splitEntries(text: string): string[] {
  const t = withoutLeadMarks(text);
  // "… den senare såsom sekreterare. Valter Grip, ekonomichef, närvarade under § 47.": each sentence its own list.
  const sentences = splitSentences(t);
  if (sentences.length > 1) return sentences.flatMap(splitEntries);
  // "Fanny Nilsson (EY) ärende 1-20 Christina Hermansson ärende 13, 15": two columns run into one line, the first
  // person's paragraphs followed by the next person's name.
  const afterNote = t.split(NOTE_THEN_NAME);
  if (afterNote.length > 1 && afterNote.every((p) => parseEntry(p) !== null)) return afterNote.flatMap(splitEntries);
  // Depth and the words before each name are read going forward once, and only near the name: rescanning the line
  // from its start for each name cost time growing with the square of the line (a 200 KB line took 18 s).
  const depth = depthsAt(t);
  const starts = [...t.matchAll(NAME_BEFORE_PAREN)].map((m) => m.index! + (m[0].length - m[0].trimStart().length))
    .filter((i) => {
      if (depth(i) !== 0) return false;
      const before = t.slice(Math.max(0, i - 200), i);
      return !/(?:ersätter|för|istället för)\s*$/iu.test(before)
        // "… ersätter Eva Lund (MP), §§ 1-6, Bo Ek (MP), §§ 7-11": a second member replaced, for other paragraphs.
        && !/\bersätter\s+[^,]+\([^)]*\),\s*§§?\s*[\d\s–-]+,\s*$/iu.test(before);
    });
  if (starts.length >= 2 || (starts.length === 1 && starts[0]! > 0 && isName(t.slice(0, starts[0]!).replace(/[,;]\s*$/, '').trim()))) {
    const cut = [...new Set([0, ...starts])].sort((a, b) => a - b);
    return carryLeadWords(cut.map((s, i) => t.slice(s, cut[i + 1] ?? t.length).trim()).filter(Boolean)).flatMap(trailingNames).flatMap(listAfterParenthesis);
  }
  // "socialchef Gunnar Ström, förste socialsekreterare Eva Lindholm §§ 57-59, nämndsekreterare Anna-Lisa Nordin"
  // A part with no name of its own says more about the person before it ("tjänstgörande i stället för X",
  // "den senare såsom sekreterare").
  const prose: string[] = [];
  for (const part of t.split(LIST_SEPARATOR)) {
    if (prose.length && (parseEntry(part) === null || REPLACES.test(part.trim()) || /^tjänstgör/i.test(part.trim()))) prose[prose.length - 1] += `, ${part}`;
    else prose.push(part);
  }
  if (prose.length >= 2 && prose.filter((p) => LEAD.test(p)).length * 2 >= prose.length && prose.every((p) => parseEntry(p) !== null)) {
    return prose.map((p) => p.trim());
  }
  // "Gustav Lindberg och Elsa Karlsson": plain names joined by "och" (places and bodies are not people).
  if (/\s(?:och|samt)\s/.test(t)) {
    const names = t.replace(/[.;]$/, '').split(LIST_SEPARATOR).map((p) => p.trim());
    if (names.length >= 2 && names.every((n) => isName(n) && !ORG_WORD.test(n))) return names;
  }
  const commaParts = t.split(/,\s*/);
  if (commaParts.length >= 3) {
    // "Jonas Jonsson, Båstad Elin Ask, Ängelholm"
    const out: string[] = [];
    let current = commaParts[0]!;
    let ok = isName(current);
    for (let i = 1; i < commaParts.length && ok; i++) {
      const part = commaParts[i]!;
      const words = part.split(/\s+/);
      const tail = words.slice(-2).join(' ');
      if (i < commaParts.length - 1 && words.length >= 3 && isName(tail)) {
        out.push(`${current}, ${words.slice(0, -2).join(' ')}`);
        current = tail;
      } else if (i < commaParts.length - 1 && isName(part) && words.length <= 3 && commaParts.slice(1).every((p) => isName(p))) {
        // a plain list of names
        out.push(current);
        current = part;
      } else {
        current += `, ${part}`;
      }
    }
    if (ok && out.length) return [...out, current];
  }
  return [t];
}

/**
 * Sentences of running text: a full stop, then a capital. The full stop of an abbreviation ("ordf.", "kr.", "bl.a.")
 * or an initial ends no sentence.
 */
function splitSentences(t: string): string[] {
  const out: string[] = [];
  let from = 0;
  let depth = 0;
  let scanned = 0;
  for (const m of t.matchAll(/\.\s+(?=\p{Lu}\p{Ll})/gu)) {
    depth = depthAt(t.slice(scanned, m.index), m.index - scanned, depth);
    scanned = m.index;
    const word = (/(\S{1,20})$/.exec(t.slice(Math.max(from, m.index - 20), m.index))?.[1] ?? '').replace(/^[(\[]+/, '');
    if (depth > 0 || !/\p{L}/u.test(t.slice(from, m.index)) || /^(?:\p{L}|\p{L}\.\p{L}|ordf|sekr|v|resp|kr|nr|tf|tel|ca|jfr|m\.?fl|bl\.a|t\.ex|d\.v\.s|fr\.o\.m|t\.o\.m)$/iu.test(word)) continue;
    out.push(t.slice(from, m.index + 1).trim());
    from = m.index + m[0].length;
  }
  out.push(t.slice(from).trim());
  return out.filter(Boolean);
}

/**
 * "Hugo Brandt (m) samt Lennart Forsell, kommunaldirektör, och Bo Widén, kanslichef": after the parenthesis that
 * ends one person, "samt" or "och" and a name start a list of people without parentheses.
 */
function listAfterParenthesis(part: string): string[] {
  const m = /\)\s*,?\s+(?:och|samt)\s+(?=\p{Lu})/u.exec(part);
  if (!m) return [part];
  const rest = part.slice(m.index + m[0].length);
  const people = plainList(rest);
  return people.length ? [part.slice(0, m.index + 1), ...people] : [part];
}

/**
 * "Lennart Forsell, kommunaldirektör, och Bo Widén, kanslichef, den senare såsom sekreterare": a name starts a
 * person, the words after it (title, role) stay with that person. Empty when the list does not open with a name.
 */
function plainList(text: string): string[] {
  const people: string[] = [];
  for (const raw of text.replace(/[.;]$/, '').split(/\s*,\s*(?:och|samt)\s+|\s+(?:och|samt)\s+(?=\p{Lu})|\s*,\s*/u)) {
    const part = raw.trim();
    if (!part) continue;
    if (isName(part) && !ORG_WORD.test(part)) people.push(part);
    else if (people.length) people[people.length - 1] += `, ${part}`;
    else return [];
  }
  return people;
}

/**
 * "Nadia Haddad (sekreterare), Pelle Norén, Sanna Lilja": people without a parenthesis after the last one that has
 * one. Two or more plain names in a row at a part's end are people of their own (one could be an organisation).
 */
function trailingNames(part: string): string[] {
  const segs = part.split(/\s*,\s*/);
  let k = segs.length;
  while (k > 1 && isName(segs[k - 1]!.replace(/\.$/, ''))) k--;
  if (segs.length - k < 2 || !/\)$/.test(segs[k - 1]!)) return [part];
  return [segs.slice(0, k).join(', '), ...segs.slice(k).map((x) => x.replace(/\.$/, ''))];
}

/**
 * A split at each name leaves the words that introduce the next person at the end of the previous part:
 * "Karl Svensson (s), vice ordf." | "Birgitta Lund (m) samt tjänstgörande ersättaren" | "Astrid Hansson (s)".
 * They move to the part they introduce; a part that is nothing but such words joins the next one.
 */
function carryLeadWords(parts: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  parts.forEach((part, i) => {
    let p = carry ? `${carry} ${part}` : part;
    carry = '';
    if (i < parts.length - 1) {
      const whole = /^((?:\p{Ll}[\p{Ll}:-]*\.?\s*){1,3})$/u.exec(p);
      const tail = /(?:[,)]|\s(?:samt|och))\s*((?:\p{Ll}[\p{Ll}:-]*\.?\s*){1,3})$/u.exec(p);
      if (whole) { carry = p.trim(); return; }
      if (tail && !/^(?:samt|och)$/.test(tail[1]!.trim())) {
        carry = tail[1]!.trim().replace(/^(?:samt|och)\s+/, '');
        p = p.slice(0, p.length - tail[1]!.length);
      }
    }
    p = p.trim().replace(/(?:[,;]|\s(?:samt|och))$/, '').trim();
    if (p) out.push(p);
  });
  return out;
}

/** Parenthesis depth at increasing positions of `s`, each step reading on from the last. */
function depthsAt(s: string): (index: number) => number {
  let d = 0;
  let at = 0;
  return (index) => {
    if (index < at) return depthAt(s, index);
    for (; at < index; at++) {
      if (s[at] === '(') d++;
      else if (s[at] === ')') d = Math.max(0, d - 1);
    }
    return d;
  };
}

function depthAt(s: string, index: number, start = 0): number {
  let d = start;
  for (let i = 0; i < index; i++) {
    if (s[i] === '(') d++;
    else if (s[i] === ')') d = Math.max(0, d - 1);
  }
  return d;
}
