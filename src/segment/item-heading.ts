// The grammar of an item's heading line: "§ 12", "KS § 12", "§ 3 a", numbered points, then title, case number and kind in any order.
import { caseNumberOf, findCaseNumber, withoutCaseNumber, type CaseNumberMatch } from './case-number.js';
import { endsWithAbbreviation } from './text.js';

export interface ParsedHeading {
  paragraph: number | null;
  /** A sub-paragraph's own label ("3 a"), or a numbered point's number ("7"). */
  number: string | null;
  /** The body's abbreviation before the sign ("KS" in "KS § 12"), which is layout, not title. */
  prefix: string | null;
  /** The title as far as this line gives it (may be empty: the title is then on the next line). */
  title: string;
  caseNumber: string | null;
  kind: string | null;
}

/**
 * "§ 12 Title", "§12", "KS § 45", "BUN §3", "KF § 41<tab>KS KF/2026:6", "§ 3 a Title", "§ 44b". The number must not run
 * into a range ("§ 12-15" is a reference, not a heading) and a sub-paragraph letter stands alone ("§ 3 a", not "§ 3 Allmänt").
 */
const PARAGRAPH = /^(?:([A-ZÅÄÖ]{1,6}(?:[ -][A-ZÅÄÖ]{1,4})?)\s*)?§\s*(\d{1,5})(?:\s?([a-h])(?=[\s.:)]|$))?(?![\d–-])(?:\s*[.:)]|\s*(?=\t))?\s*(.*)$/u;
/**
 * OCR reads "§794" as "8794", "KS § 1" as "KS 81", "KS S 2" or "KS S6": on an OCR'd line a leading 8 or S before a number
 * may be a §; the sequence decides.
 */
const OCR_PARAGRAPH = /^(?:([A-ZÅÄÖ]{1,6})\s+)?(?:8\s?|S\s?(?=\d))(\d{1,4})(?![\d–-])\s*[.:]?\s*(.*)$/u;

export function parseParagraphHeading(text: string): ParsedHeading | null {
  const m = PARAGRAPH.exec(text.trim());
  if (!m) return null;
  const parts = titleParts(m[4] ?? '');
  return { paragraph: Number(m[2]), number: m[3] ? `${m[2]} ${m[3]}` : null, prefix: m[1] ?? null, ...parts };
}

/** The OCR reading of a § as 8 ("8794 Title", "KS 81"): only worth trying where the number continues a sequence. */
export function parseOcrParagraphHeading(text: string): ParsedHeading | null {
  const m = OCR_PARAGRAPH.exec(text.trim());
  if (!m) return null;
  return { paragraph: Number(m[2]), number: null, prefix: m[1] ?? null, ...titleParts(m[3] ?? '') };
}

/** A kind code after the title; OCR reads "(I)" as "(1)", "(l)" or "(|)". */
const KIND = /\s*\(([A-ZÅÄÖ1l|])\)\s*$/;

/**
 * Splits what follows the number into title, case number and kind code. Cells are read one by one, since a case
 * number often stands in a cell of its own at the right ("Budget 2025<tab>Dnr KS 2024/0123"); within a cell a case
 * number may stand anywhere with "Dnr", or at the end without it. Dot leaders and page numbers of a contents line go.
 */
export function titleParts(raw: string): { title: string; kind: string | null; caseNumber: string | null } {
  let caseNumber: string | null = null;
  const cells: string[] = [];
  for (const cell of raw.split('\t').map((c) => c.trim()).filter(Boolean)) {
    const whole = caseNumberOf(cell);
    if (whole && !caseNumber) { caseNumber = whole; continue; }
    const found: CaseNumberMatch | null = caseNumber ? null : findCaseNumber(cell);
    if (found) {
      caseNumber = found.value;
      const rest = withoutCaseNumber(cell, found);
      if (rest) cells.push(rest);
      continue;
    }
    cells.push(cell);
  }
  let title = cells.join(' ').replace(/\s*(?:\.{2,}|…+)\s*\d*$/, '').trim();
  let kind: string | null = null;
  const k = KIND.exec(title);
  if (k) {
    kind = /[1l|]/.test(k[1]!) ? 'I' : k[1]!;
    title = title.slice(0, k.index).trim();
  }
  // OCR leaves specks after a title as a few loose marks ("Tema kompetensförsörjning \"-:"); a title ends in a word.
  title = title.replace(/\s+[^\p{L}\p{N}()[\]?!]{1,4}$/u, '').replace(/:$/, '').trim();
  // "§ 12. Val av justeringsmän.": older minutes end a heading with a full stop, which is not part of its title.
  if (/[^.]\.$/.test(title) && !endsWithAbbreviation(title)) title = title.slice(0, -1);
  return { title, kind, caseNumber };
}
