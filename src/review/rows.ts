// One row of the review index per input: what it is, how it went, and how much it needs a person's look.
import type { BatchStatus } from '../batch/run.js';
import type { Minutes } from '../schema/minutes.js';

export interface IndexRow {
  /** The input's path relative to the folder it was found in: what the archivist knows it by. */
  file: string;
  status: BatchStatus;
  reason: string | null;
  /** The document page, relative to the site's root; null when there is none (a failed input). */
  href: string | null;
  format: Minutes['source']['format'] | null;
  kind: Minutes['document']['kind'] | null;
  organization: string | null;
  body: string | null;
  date: string | null;
  attendees: number | null;
  items: number | null;
  decisions: number | null;
  /** Warning codes with how often each occurs. */
  warnings: Record<string, number>;
  pages: number | null;
  pagesOcr: number | null;
  /** Mean of the OCR'd pages' confidences (0–100), null when no page was OCR'd. */
  ocrConfidence: number | null;
  /** Higher means look at it sooner (see attention()). */
  attention: number;
}

/** Below this mean OCR confidence a document is worth checking against its scan. */
export const LOW_DOCUMENT_CONFIDENCE = 75;

/**
 * How much a row needs a person's look: a failure first, then text that is not minutes, weak OCR, no items,
 * and many warnings. The order matters, not the numbers.
 */
export function attention(row: Omit<IndexRow, 'attention'>): number {
  if (row.status === 'failed') return 1000;
  if (row.status === 'interrupted' || row.status === 'not-started') return 900;
  let score = 0;
  if (row.warnings['not-minutes']) score += 300;
  if (row.ocrConfidence !== null && row.ocrConfidence < LOW_DOCUMENT_CONFIDENCE) score += 200 + Math.round(LOW_DOCUMENT_CONFIDENCE - row.ocrConfidence);
  if (row.items === 0) score += 100;
  score += Math.min(90, 3 * Object.values(row.warnings).reduce((a, b) => a + b, 0));
  return score;
}

export function convertedRow(file: string, href: string, doc: Minutes): IndexRow {
  const warnings: Record<string, number> = {};
  for (const w of doc.warnings) warnings[w.code] = (warnings[w.code] ?? 0) + 1;
  const ocr = doc.source.pages.filter((p) => p.text === 'ocr');
  const confidences = ocr.map((p) => p.ocrConfidence).filter((c): c is number => c !== null);
  const row: Omit<IndexRow, 'attention'> = {
    file,
    status: 'converted',
    reason: null,
    href,
    format: doc.source.format,
    kind: doc.document.kind,
    organization: doc.document.organization,
    body: doc.document.body,
    date: doc.document.date ?? doc.document.dateText,
    attendees: doc.attendees.length,
    items: doc.items.length,
    decisions: doc.items.reduce((n, i) => n + i.decisions.length, 0),
    warnings,
    pages: doc.source.pages.length,
    pagesOcr: ocr.length,
    ocrConfidence: confidences.length ? Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 10) / 10 : null,
  };
  return { ...row, attention: attention(row) };
}

/** A row for an input without a document: failed with its reason, or left unfinished by a stopped batch. */
export function failedRow(file: string, reason: string, status: 'failed' | 'interrupted' | 'not-started' = 'failed'): IndexRow {
  const row: Omit<IndexRow, 'attention'> = {
    file, status, reason, href: null, format: null, kind: null, organization: null, body: null, date: null,
    attendees: null, items: null, decisions: null, warnings: {}, pages: null, pagesOcr: null, ocrConfidence: null,
  };
  return { ...row, attention: attention(row) };
}
