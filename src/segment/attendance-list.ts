// The attendance list some councils print as an appendix after the items instead of on the front page.
import type { Attendee } from '../schema/minutes.js';
import { findAttendees, readGroupHeading } from './attendees.js';

import type { SegmentContext } from './context.js';

const ATTENDANCE_LIST = /^(?:bilaga\b.{0,30}?[,:.–-]?\s*)?(?:n[aä]rvaro(?:-\s*och\s+(?:omröstnings|voterings)-?)?(?:lista|f[oö]rteckning)|r[oö]stl[aä]ngd|deltagarf[oö]rteckning|deltagarlista)\b/i;

/**
 * Councils with many members list them in an appendix ("Bilaga 1, Närvarolista", "Närvarolista kommunfullmäktige
 * 2021-06-21") after the items, with the front page saying only "Beslutande: se närvarolista". Its group
 * blocks are read like the front matter's, from the list's heading to the end of the document.
 */
export function findAttendanceList(ctx: SegmentContext, from: number): Attendee[] {
  for (let i = from; i < ctx.lines.length; i++) {
    const t = ctx.lines[i]!.text.trim();
    if (!ctx.isFree(i) || t.length > 80 || !ATTENDANCE_LIST.test(t)) continue;
    // A roll-call list names the § it was called for ("§ 118") above its table: not an item of its own.
    const paragraphLines: number[] = [];
    for (let k = ctx.nextContent(i); k >= 0 && k < i + 4 && /^§\s*\d+$/.test(ctx.lines[k]!.text.trim()); k = ctx.nextContent(k)) paragraphLines.push(k);
    // A title that is itself a heading of those present ("Röstlängd, föreningsstämma 2025-05-20") is read with its list.
    const found = findAttendees(ctx, ctx.lines.length, readGroupHeading(t) ? i : i + 1);
    if (found.length === 0) continue;
    for (const k of [i, ...paragraphLines]) ctx.claim(k, 'attendees', 'attendees.appendix-list');
    // "Bilaga 1, KF § 45" on the line above names the appendix; it is not text of the last item.
    const above = ctx.prevContent(i);
    if (above >= 0 && ctx.isFree(above) && /^bilaga\b/i.test(ctx.lines[above]!.text.trim()) && ctx.lines[above]!.text.length <= 60) ctx.claim(above, 'attendees', 'attendees.appendix-list');
    return found;
  }
  return [];
}
