// Finds signatures: digital signature blocks (Namn:/Befattning:/Datum och tid:), "enligt digital underskrift" lines and signature lines under role labels.
import type { Line } from '../document.js';
import type { Signature } from '../schema/minutes.js';
import type { SegmentContext } from './context.js';
import { findDates } from './dates.js';
import { roleWord } from './labels.js';
import { isName, labelKey, ref } from './text.js';

const FIELD = /^(namn|name|befattning|roll|titel|organisation|datum och tid|datum|tid|identifieringsmetod|transaktions-?\s?[i1l|]d|e-?post|underskrift\s*\d*|signerat)\s*:?\s*(.*)$/i;
const DIGITAL_NOTICE = /skrivits under elektroniskt|elektronisk(?:a|t)? underskrift|signerats? (?:digitalt|elektroniskt)|digitalt signerad|validerings?tjänst|eIDAS/i;
const DIGITAL_LINE = /^(.+?),\s*([^,]+?),\s*(?:enligt|via|med)\s+(?:digital|elektronisk)\s+(?:underskrift|signatur|signering)\.?$/i;

/** Digital signatures have unmistakable shapes, so they are claimed before attendee lists are read. */
export function findDigitalSignatures(ctx: SegmentContext): Signature[] {
  return [...digitalBlocks(ctx), ...digitalLines(ctx)];
}

/** Handwritten signature lines, read after attendee blocks have claimed their role headings. */
export function findSignatureLines(ctx: SegmentContext): Signature[] {
  return signatureLines(ctx);
}

/** From the first notice or "Namn:" block to the end is the signing page; each "Namn:" starts one signature. */
function digitalBlocks(ctx: SegmentContext): Signature[] {
  const out: Signature[] = [];
  const lines = ctx.lines;
  const first = lines.findIndex((l, i) => ctx.isFree(i) && (DIGITAL_NOTICE.test(l.text) || /^namn\s*:/i.test(l.text.trim())));
  if (first < 0) return out;
  let current: Signature | null = null;
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    if (ctx.zone[i] !== null) continue;
    const m = FIELD.exec(l.text.trim());
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
      } else if (current && key.startsWith('datum')) {
        current.date = findDates(value).find((d) => d.iso)?.iso ?? null;
      }
    }
    ctx.claim(i, 'signatures', 'signatures.digital-block');
  }
  return out;
}

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

const DOTS = /^[._…\s-]{4,}$/;

/**
 * A role label ("Ordförande", "Justerare", "Vid protokollet", "Antecknat av") followed within a few
 * lines by a name: a handwritten signature line. "Name, Title" after the label keeps only the name.
 * Labels side by side ("Ordförande\tJusterare") pair with names side by side. Cells that are only a
 * signature line of dots, "Underskrifter" or a paragraph range are layout around the labels.
 */
function signatureLines(ctx: SegmentContext): Signature[] {
  const out: Signature[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!ctx.isFree(i)) continue;
    // "Antecknat av: Lena Sjögren", "Vid protokollet: Anna Ek": label and name on one line.
    const inline = /^([^:\t]{3,40}):\s*([^:\t]+?)\.?$/.exec(lines[i]!.text.trim());
    const inlineRole = inline ? signatureRole(inline[1]!) : null;
    if (inline && inlineRole && isName(inline[2]!.replace(/,.*$/, ''))) {
      out.push({ role: inlineRole, name: inline[2]!.replace(/,.*$/, '').trim(), date: null, method: 'handwritten', source: ref(lines[i]!) });
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
      parsed.forEach((p, k) => out.push({ role: roles[shared ? 0 : k]!, name: p![1]!.trim(), date: null, method: 'handwritten', source: ref(l as Line) }));
      for (const k of [i, j, ...skipped]) ctx.claim(k, 'signatures', 'signatures.label-over-name');
      // "Underskrifter" on a line of its own above the box belongs to it, not to the last item's text.
      const above = ctx.prevContent(i);
      if (above >= 0 && ctx.isFree(above) && /^underskrift(?:er)?:?$/i.test(lines[above]!.text.trim())) ctx.claim(above, 'signatures', 'signatures.label-over-name');
      break;
    }
  }
  return out;
}

/** Dots or underscores to sign on, the word "Underskrifter", a paragraph range printed beside the box. */
function isSignatureLayout(cell: string): boolean {
  return DOTS.test(cell) || /^underskrift(?:er)?:?$/i.test(cell) || /^paragrafer?(?:\s|:?$)/i.test(cell) || /^§§?\s*\d/.test(cell) || /^\d+\s*[-–]\s*\d+$/.test(cell);
}

const SIGNATURE_LABELS = new Map<string, string>([
  ...['Ordförande', 'Mötesordförande'].map((l) => [labelKey(l), 'ordförande'] as const),
  ...['Justerare', 'Justerande', 'Justeras', 'Justeras av'].map((l) => [labelKey(l), 'justerare'] as const),
  ...['Sekreterare', 'Vid protokollet', 'Antecknat av', 'Antecknad av', 'Protokollförare', 'Vid pennan', 'Vid anteckningarna', 'Antecknare',
    'Mötessekreterare', 'Minnesanteckningar förda av', 'Anteckningar förda av', 'Vid tangentbordet', 'Protokollet fört av'].map((l) => [labelKey(l), 'sekreterare'] as const),
]);

/** Labels printed under or over a signature line; "Utses att justera" names a person, not a signature. */
function signatureRole(text: string): string | null {
  return SIGNATURE_LABELS.get(labelKey(text)) ?? null;
}
