// Finds signatures: e-signing records, "Name, role, enligt digital underskrift", signer lines after a justering cue, and names under role labels.
import type { Line } from '../document.js';
import type { Signature } from '../schema/minutes.js';
import type { SegmentContext } from './context.js';
import { findDates } from './dates.js';
import { isPageNumber } from '../clean/furniture.js';
import { roleWord, signatureRole } from './vocabulary.js';
import { isName, ref } from './text.js';

const FIELD = /^(namn|name|befattning|roll|titel|organisation|datum och tid|datum|tid|identifieringsmetod|transaktions-?\s?(?:[i1l|]d|identitet)|e-?post|underskrift\s*\d*|signerat|underskriftstjänst|hemsida|organisationsnr)\s*:?\s*(.*)$/i;
/** The heading of an e-signing record page: "Undertecknat av följande personer", "Detta dokument har signerats digitalt". */
const RECORD_START = /^(?:undertecknat|signerat|underskrivet|signerad)\s+av\s+(?:följande|nedanstående)|^(?:detta|det här)\s+dokument(?:et)?\s+har\s+(?:signerats|undertecknats|skrivits under)|^signaturer$|^underskrift\s+\d+$|(?:skrivits under|undertecknats|signerats)\s+(?:elektroniskt|digitalt)\s+av\b/i;
/** A document that says it was signed digitally: its signatures are digital. */
const DIGITAL_NOTICE = /skrivits under elektroniskt|elektronisk(?:a|t)? underskrift|signerats? (?:digitalt|elektroniskt)|digitalt signerad|justerats digitalt|digital justering|validerings?tjänst|eIDAS|underskriftstjänst/i;
const DIGITAL_LINE = /^(.+?),\s*([^,]+?),\s*(?:enligt|via|med)\s+(?:digital|elektronisk)\s+(?:underskrift|signatur|signering)\.?$/i;

/** Whether the document says anywhere that it was signed digitally. */
export function signedDigitally(ctx: SegmentContext): boolean {
  return ctx.lines.some((l) => DIGITAL_NOTICE.test(l.text));
}

/** Signatures whose shape is unmistakable, read before attendee lists so those do not take their lines. */
export function findEarlySignatures(ctx: SegmentContext): Signature[] {
  const digital = signedDigitally(ctx);
  return [...signingRecords(ctx), ...digitalLines(ctx), ...signerLines(ctx, digital)];
}

/** Names under role labels, read after attendee blocks have claimed their role headings. */
export function findSignatureLines(ctx: SegmentContext): Signature[] {
  return signatureLines(ctx, signedDigitally(ctx));
}

/**
 * An e-signing record: from its heading (or the first "Namn:" field) to the end of its page, and on over the next
 * pages while they hold only record fields. Each "Namn:" field, or each name followed by the record's fields
 * ("LISA ANDERSSON" / "Datum: 2026-08-25 14:02" / "Transaktionsidentitet: …"), is one signer.
 */
function signingRecords(ctx: SegmentContext): Signature[] {
  const out: Signature[] = [];
  const lines = ctx.lines;
  const start = lines.findIndex((l, i) => ctx.isFree(i) && (RECORD_START.test(l.text.trim()) || /^namn\s*:/i.test(l.text.trim())));
  if (start < 0) return out;
  let current: Signature | null = null;
  let page = lines[start]!.page;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.page !== page) {
      // The record goes on over a page only where that page holds nothing but record fields and short lines.
      const rest = lines.filter((x) => x.page === l.page && !x.furniture);
      if (!rest.every((x) => FIELD.test(x.text.trim()) || x.text.trim().length <= 60 && !/[.!?]$/.test(x.text.trim()))) break;
      page = l.page;
    }
    if (ctx.zone[i] !== null) continue;
    const t = l.text.trim();
    const m = FIELD.exec(t);
    if (m) {
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (key === 'namn' || key === 'name') {
        if (value && (isName(value) || value.split(/\s+/).length <= 4)) {
          current = { role: null, name: value, date: null, method: 'digital', source: ref(l) };
          out.push(current);
        }
      } else if (current && (key === 'befattning' || key === 'roll' || key === 'titel')) {
        const role = roleWord(value);
        if (role) current.role = role;
      } else if (current && key.startsWith('datum') && !current.date) {
        current.date = findDates(value).find((d) => d.iso)?.iso ?? null;
      }
    } else if (isName(t.replace(/\t.*$/, '')) && isRecordField(lines[ctx.nextContent(i)]?.text)) {
      current = { role: null, name: t.replace(/\t.*$/, ''), date: null, method: 'digital', source: ref(l) };
      out.push(current);
    }
    ctx.claim(i, 'signatures', 'signatures.signing-record');
  }
  return out;
}

const isRecordField = (text: string | undefined) => text !== undefined && /^(?:datum|tid|transaktions|identifieringsmetod|roll|befattning|signerat|e-?post)\b/i.test(text.trim());

/** "Kristina Westhed, sekreterare, enligt digital underskrift" */
function digitalLines(ctx: SegmentContext): Signature[] {
  const out: Signature[] = [];
  ctx.lines.forEach((l, i) => {
    if (!ctx.isFree(i)) return;
    const m = DIGITAL_LINE.exec(l.text.trim());
    if (!m || !isName(m[1]!)) return;
    out.push({ role: roleWord(m[2]!) ?? m[2]!.trim(), name: m[1]!.trim(), date: null, method: 'digital', source: ref(l) });
    ctx.claim(i, 'signatures', 'signatures.digital-line');
  });
  return out;
}

/** A line that opens the signing part: "Justering:", "Plats och tid för justering", "Protokollet har justerats av:", "Underskrifter". */
const SIGNING_CUE = /^(?:justering\b|justeringens\b|plats och tid för justering|protokollet har justerats|justeras|underskrift(?:er)?\b|signaturer)/i;

/**
 * Signer lines after a justering cue: "Sekreterare: Maria Lind", "Ordförande   Per Holm (L)", "Protokolljusterare Eva Ek",
 * "Justerande Lisa Berg och Jan Ask" (label and names on one line, parted by a colon, a column gap or one space).
 * Cells beside them that give the paragraph range or the place of justering are layout of the block.
 */
function signerLines(ctx: SegmentContext, digital: boolean): Signature[] {
  const out: Signature[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!ctx.isFree(i) || !SIGNING_CUE.test(lines[i]!.text.trim()) || lines[i]!.text.length > 90) continue;
    let misses = 0;
    for (let j = i; j < lines.length && j < i + 16 && misses <= 2; j++) {
      const l = lines[j]!;
      if (l.furniture) continue;
      if (!ctx.isFree(j)) break;
      const role = readSignerLine(l.text);
      if (!role) {
        if (j > i && (isBlockEnd(l.text) || l.text.length > 90)) break;
        if (j > i) misses++;
        continue;
      }
      misses = 0;
      for (const name of role.names) out.push({ role: role.role, name, date: null, method: digital ? 'digital' : signedByHand(ctx, i, j), source: ref(l) });
      ctx.claim(j, 'signatures', 'signatures.signer-line');
      i = j;
    }
  }
  return out;
}

/** What ends a signing block: another part of the front matter (ANSLAG/BEVIS, an attendee group) or an item. */
const isBlockEnd = (text: string) => /^(?:anslag|bevis|beslutande|närvarande|ledamöter|ersättare|övriga|§\s*\d)/i.test(text.trim());

/** "Sekreterare: Maria Lind", "Underskrifter Ordförande Birgitta Lund", "Justerande<tab>Lisa Berg och Jan Ask<tab>§§ 12-19". */
export function readSignerLine(text: string): { role: string; names: string[] } | null {
  const cells = text.split('\t').map((c) => c.trim()).filter((c) => c && !isSignatureLayout(c));
  if (cells.length === 0) return null;
  let first = cells[0]!.replace(/^underskrift(?:er)?:?\s+/i, '');
  const colon = /^([^:]{3,40}):\s*(.*)$/.exec(first);
  let role: string | null = null;
  if (colon && signatureRole(colon[1]!)) {
    role = signatureRole(colon[1]!);
    first = colon[2]!;
  } else if (signatureRole(first.replace(/:$/, ''))) {
    role = signatureRole(first.replace(/:$/, ''));
    first = '';
  } else {
    // "Protokolljusterare Eva Ek": the label ends where a name begins.
    const words = first.split(' ');
    for (let k = Math.min(3, words.length - 1); k >= 1 && !role; k--) {
      const r = signatureRole(words.slice(0, k).join(' '));
      if (r) {
        role = r;
        first = words.slice(k).join(' ');
      }
    }
  }
  if (!role) return null;
  // The names follow the label in its own cell, or in the next cell when a column gap parts them.
  const value = first || cells[1] || '';
  const names = signerNames(value);
  return names.length ? { role, names } : null;
}

/** "Lennart Nilsson, Oscar Sedira", "Lisa Bäck och Richard Jerneborg", "Jan Byvik (S)", "Gunnel Rydberg, Förbundssekreterare". */
function signerNames(value: string): string[] {
  const v = value.replace(/\s*\([^)]*\)/g, '').replace(/[.;]$/, '').trim();
  if (!v) return [];
  const parts = v.split(/\s*,\s*|\s+(?:och|samt)\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => isName(p))) return parts;
  const one = v.replace(/,.*$/, '').trim();
  return isName(one) ? [one] : [];
}

const DOTS = /^[._…\s-]{4,}$/;

/**
 * A role label ("Ordförande", "Justerare", "Vid protokollet", "Antecknat av") followed within a few
 * lines by a name: a handwritten signature line. "Name, Title" after the label keeps only the name.
 * Labels side by side ("Ordförande\tJusterare") pair with names side by side. Cells that are only a
 * signature line of dots, "Underskrifter" or a paragraph range are layout around the labels.
 */
function signatureLines(ctx: SegmentContext, digital: boolean): Signature[] {
  const out: Signature[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!ctx.isFree(i)) continue;
    // "Antecknat av: Lena Sjögren", "Vid protokollet: Anna Ek": label and name on one line.
    const inline = /^([^:\t]{3,40}):\s*([^:\t]+?)\.?$/.exec(lines[i]!.text.trim());
    const inlineRole = inline ? signatureRole(inline[1]!) : null;
    if (inline && inlineRole && isName(inline[2]!.replace(/,.*$/, ''))) {
      out.push({ role: inlineRole, name: inline[2]!.replace(/,.*$/, '').trim(), date: null, method: digital ? 'digital' : signedByHand(ctx, i, i), source: ref(lines[i]!) });
      ctx.claim(i, 'signatures', 'signatures.label-and-name');
      continue;
    }
    const cells = lines[i]!.text.split('\t').map((s) => s.trim()).filter((c) => c && !isSignatureLayout(c));
    const roles = cells.map((c) => signatureRole(c));
    if (!roles.length || roles.some((r) => r === null)) continue;
    const skipped: number[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
      const l = lines[j]!;
      if (l.furniture) continue;
      const rest = l.text.split('\t').map((c) => c.trim()).filter((c) => c && !isSignatureLayout(c));
      if (rest.length === 0) { skipped.push(j); continue; }
      if (!ctx.isFree(j)) break;
      const parsed = rest.map((n) => /^([^,]+?)(?:,\s*(.+))?$/.exec(n));
      // One label over several names ("Justerande" over two signature lines) gives each of them that role.
      const shared = roles.length === 1 && rest.length > 1;
      if ((rest.length !== roles.length && !shared) || !parsed.every((p) => p && isName(p[1]!))) break;
      const method = digital ? 'digital' : signedByHand(ctx, i, j);
      parsed.forEach((p, k) => out.push({ role: roles[shared ? 0 : k]!, name: p![1]!.trim(), date: null, method, source: ref(l as Line) }));
      for (const k of [i, j, ...skipped]) ctx.claim(k, 'signatures', 'signatures.label-over-name');
      // "Underskrifter" on a line of its own above the box belongs to it, not to the last item's text.
      const above = ctx.prevContent(i);
      if (above >= 0 && ctx.isFree(above) && /^underskrift(?:er)?:?$/i.test(lines[above]!.text.trim())) ctx.claim(above, 'signatures', 'signatures.label-over-name');
      break;
    }
  }
  return out;
}

/** Dots or underscores to sign on, the word "Underskrifter", a paragraph range or number printed beside the box. */
/** A line to sign on (dots or underscores), or words that name a signature by hand. */
const HAND_SIGNED = /[._…]{6,}|_{4,}|\b(?:underskrift(?:er)?|namnteckning|namnförtydligande|signatur|signerat för hand)\b/i;

/**
 * "handwritten" only where the document shows it — a line to sign on, or "Underskrifter"/"Namnförtydligande"
 * heading the box or beside the name (from 8 lines above the label to the line after the name); otherwise the
 * method is not stated ("Antecknat av …", "Justeras") and is null.
 */
function signedByHand(ctx: SegmentContext, from: number, to: number): 'handwritten' | null {
  for (let k = Math.max(0, from - 8); k <= Math.min(ctx.lines.length - 1, to + 1); k++) {
    if (HAND_SIGNED.test(ctx.lines[k]!.text)) return 'handwritten';
  }
  return null;
}

function isSignatureLayout(cell: string): boolean {
  return DOTS.test(cell) || /^underskrift(?:er)?:?$/i.test(cell) || /^paragrafer?(?:\s|:?$)/i.test(cell) || /^§§?\s*\d/.test(cell) || /^\d+\s*[-–]\s*\d+$/.test(cell)
    || /^\d{1,4}$/.test(cell) || isPageNumber(cell);
}

/** The same person, written in full in one place and with fewer given names in another ("Marie Helene Yckert", "Marie Yckert"). */
export function samePerson(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/\s+/);
  const wb = b.toLowerCase().split(/\s+/);
  if (wa.join(' ') === wb.join(' ')) return true;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.length >= 2 && short[short.length - 1] === long[long.length - 1] && short.every((w) => long.includes(w));
}

/**
 * One signature per person and role: a signer named on the signature page and again in the e-signing record is one
 * signature (the record adds the method and date; the page gives the role); signatures are in document order.
 */
export function mergeSignatures(all: Signature[]): Signature[] {
  const sorted = [...all].sort((a, b) => a.source.page - b.source.page || a.source.line - b.source.line);
  const out: Signature[] = [];
  for (const s of sorted) {
    const twin = out.find((x) => samePerson(x.name, s.name) && (x.role === s.role || x.role === null || s.role === null));
    if (!twin) {
      out.push({ ...s });
      continue;
    }
    twin.role ??= s.role;
    if (s.method === 'digital') twin.method = 'digital';
    twin.date ??= s.date;
  }
  return out;
}

