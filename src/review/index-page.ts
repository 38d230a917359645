// The review index: one row per input with its status and what was found, sortable and filterable in the browser.
// Rows are grid rows, not a <table>: the browser then lays out only the rows on screen (content-visibility), so the
// index of a batch of thousands opens as fast as one of ten.
import { attrs, esc, href } from './html.js';
import type { IndexRow } from './rows.js';

export interface IndexTotals {
  converted: number;
  skipped: number;
  failed: number;
  /** Left unfinished by a stopped batch. */
  interrupted: number;
  'not-started': number;
  warnings: number;
  pages: number;
  pagesOcr: number;
}

export function totalsOf(rows: readonly IndexRow[]): IndexTotals {
  const t: IndexTotals = { converted: 0, skipped: 0, failed: 0, interrupted: 0, 'not-started': 0, warnings: 0, pages: 0, pagesOcr: 0 };
  for (const r of rows) {
    t[r.status]++;
    t.warnings += Object.values(r.warnings).reduce((a, b) => a + b, 0);
    t.pages += r.pages ?? 0;
    t.pagesOcr += r.pagesOcr ?? 0;
  }
  return t;
}

const num = (v: number | null) => (v === null ? '' : String(v));

function row(r: IndexRow): string {
  const codes = Object.keys(r.warnings).sort();
  const warningCount = Object.values(r.warnings).reduce((a, b) => a + b, 0);
  const warnings = codes.map((c) => `<span class="code" title="${esc(c)}">${esc(c)}${r.warnings[c]! > 1 ? ` ×${r.warnings[c]}` : ''}</span>`).join(' ');
  const file = r.href ? `<a href="${href(r.href)}">${esc(r.file)}</a>` : esc(r.file);
  const status = `<span class="status ${r.status}">${r.status}</span>`;
  const lowOcr = r.ocrConfidence !== null && r.ocrConfidence < 75;
  const cells = [
    [file, r.file],
    [status, r.status],
    [esc(r.format ?? ''), r.format ?? ''],
    [esc(r.kind ?? ''), r.kind ?? ''],
    [esc([r.organization, r.body].filter(Boolean).join(' · ')), [r.organization, r.body].filter(Boolean).join(' ')],
    [esc(r.date ?? ''), r.date ?? ''],
    [num(r.attendees), num(r.attendees)],
    [num(r.items), num(r.items)],
    [num(r.decisions), num(r.decisions)],
    [`${warningCount ? `<b>${warningCount}</b> ` : ''}${warnings}`, String(warningCount)],
    // Sorted by pages OCR'd first: those are the pages worth checking against the scan.
    [r.pagesOcr ? `${r.pages} <small>(${r.pagesOcr} OCR)</small>` : num(r.pages), r.pages === null ? '' : String((r.pagesOcr ?? 0) * 100_000 + r.pages)],
    [r.ocrConfidence !== null ? `<span${lowOcr ? ' class="low"' : ''}>${r.ocrConfidence}</span>` : '', num(r.ocrConfidence)],
  ];
  const search = [r.file, r.status, r.reason, r.kind, r.organization, r.body, r.date, ...codes].filter(Boolean).join(' ').toLowerCase();
  // A failed input has nothing to show but why: its reason spans the columns it has no values for (they stay, empty and
  // hidden, for sorting).
  const html = cells.map(([content, v], i) => {
    if (r.reason && i === 2) return `<div role="cell" class="reason" data-v="${esc(v)}">${esc(r.reason)}</div>`;
    return `<div role="cell" data-v="${esc(v)}"${r.reason && i > 2 ? ' hidden' : ''}>${content}</div>`;
  }).join('');
  return `<div${attrs({ class: 'row', role: 'row', 'data-status': r.status, 'data-codes': codes.join(' '), 'data-attention': r.attention, 'data-search': search, tabindex: 0 })}>${html}</div>`;
}

const COLUMNS: Array<[string, 'text' | 'number']> = [
  ['File', 'text'], ['Status', 'text'], ['Input', 'text'], ['Kind', 'text'], ['Organisation · body', 'text'], ['Date', 'text'],
  ['Attendees', 'number'], ['Items', 'number'], ['Decisions', 'number'], ['Warnings', 'number'], ['Pages', 'number'], ['OCR conf.', 'number'],
];

export function indexPage(rows: readonly IndexRow[], title = 'protokoll review'): string {
  const t = totalsOf(rows);
  const codes = [...new Set(rows.flatMap((r) => Object.keys(r.warnings)))].sort();
  const codeCounts = new Map(codes.map((c) => [c, rows.filter((r) => r.warnings[c]).length]));
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="assets/review.css">
</head>
<body class="index-page">
<header class="index-head">
  <h1>${esc(title)}</h1>
  <p class="totals">${rows.length} input${rows.length === 1 ? '' : 's'}: <span class="status converted">${t.converted} converted</span> <span class="status skipped">${t.skipped} skipped</span> <span class="status failed">${t.failed} failed</span>${t.interrupted + t['not-started'] ? ` <span class="status interrupted">${t.interrupted + t['not-started']} not done</span>` : ''} · ${t.warnings} warnings · ${t.pages} pages, ${t.pagesOcr} OCR'd</p>
  <form class="filters" role="search" onsubmit="return false">
    <input type="search" id="filter-text" placeholder="Filter by file, body, reason, warning… ( / )" aria-label="Filter by text">
    <select id="filter-status" aria-label="Status"><option value="">every status</option><option value="converted">converted</option><option value="skipped">skipped</option><option value="failed">failed</option>${t.interrupted ? '<option value="interrupted">interrupted</option>' : ''}${t['not-started'] ? '<option value="not-started">not started</option>' : ''}</select>
    <select id="filter-code" aria-label="Warning code"><option value="">any warnings</option><option value="-">no warnings</option>${codes.map((c) => `<option value="${esc(c)}">${esc(c)} (${codeCounts.get(c)})</option>`).join('')}</select>
    <label><input type="checkbox" id="attention-first"> needs a look first</label>
    <span class="shown" id="shown" aria-live="polite">${rows.length} shown</span>
  </form>
  <p class="keys"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> filter · click a column to sort</p>
</header>
<main>
<div id="documents" role="table" aria-label="Inputs" aria-rowcount="${rows.length + 1}">
<div class="row head" role="row">${COLUMNS.map(([name, type], i) => `<div${attrs({ role: 'columnheader', 'data-col': i, 'data-type': type, 'aria-sort': i === 0 ? 'ascending' : 'none' })}><button type="button">${esc(name)}</button></div>`).join('')}</div>
<div class="rows" role="rowgroup">
${rows.map(row).join('\n')}
</div>
</div>
</main>
<script src="assets/index.js"></script>
</body>
</html>
`;
}
