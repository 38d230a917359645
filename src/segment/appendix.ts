// Appendices printed after the items ("Bilaga till § 45, voteringslista", "Bilaga 1"): not text of the item before them.
import type { SegmentContext } from './context.js';
import { parseParagraphHeading } from './item-heading.js';

/** "Bilaga 1", "Bilaga 2: Voteringslista", "Bilaga till § 45, voteringslista", "Bilaga 3 till KF § 118". */
const APPENDIX_HEADING = /^bilaga(?:\s+\d{1,3}[a-z]?)?(?:\s+(?:till|tillhörande)\s+(?:\p{Lu}{1,6}\s+)?§+\s*\d+[\d\s,–-]*)?(?:\s*[,:.–-]\s*\S.{0,60})?$/iu;

export function isAppendixHeading(text: string): boolean {
  const t = text.trim();
  return t.length <= 80 && APPENDIX_HEADING.test(t);
}

/**
 * An appendix heading among the first rows of a page after the first item runs to the end of the document, or to the next page
 * that opens with a § heading: its lines are claimed so they become no part of an item's body or decisions.
 */
export function claimAppendices(ctx: SegmentContext, firstParagraph: number): void {
  if (firstParagraph < 0) return;
  let open = false;
  let page = -1;
  let row = 0;
  let boundary = false;
  for (let i = firstParagraph + 1; i < ctx.lines.length; i++) {
    const l = ctx.lines[i]!;
    // In a text copy a signature box or a page number is where pages met.
    if (l.furniture) { boundary ||= l.furniture === 'signature-box' || l.furniture === 'page-number'; continue; }
    row = l.page !== page || boundary ? 0 : row + 1;
    page = l.page;
    boundary = false;
    if (row === 0 && open && parseParagraphHeading(l.text)) open = false;
    // The heading stands at the page's top, alone or as a cell of its page header ("KALLBY KOMMUN | PROTOKOLL | Bilaga 1").
    const names = isAppendixHeading(l.text) || l.cells.some((c) => /^bilaga\s+\d{1,3}[a-z]?$/i.test(c.text.trim()));
    if (row <= 3 && !open && ctx.isFree(i) && names) {
      open = true;
      // The page header above it belongs to the appendix too.
      for (let k = i - 1, n = 0; n < row && k > firstParagraph; k--) {
        if (ctx.lines[k]!.furniture) continue;
        n++;
        if (ctx.isFree(k)) ctx.claim(k, 'appendix', 'appendix.after-items');
      }
    }
    if (open && ctx.isFree(i)) ctx.claim(i, 'appendix', 'appendix.after-items');
  }
}
