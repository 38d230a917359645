// One document's review page: the source pages (images with line boxes, or numbered text) beside the extracted document.
import type { Conversion } from '../convert.js';
import type { RawLine, RawPage } from '../document.js';
import type { Attendee, Minutes, Repair, Warning } from '../schema/minutes.js';
import { LOW_CONFIDENCE } from '../ocr/recognize.js';
import { elementsOf } from './elements.js';
import { attrs, esc, href, percent, scriptJson } from './html.js';
import { lineKey, lineUses, type LineUse } from './uses.js';

export interface PageImageRef {
  /** Site path of the image, or null when the page could not be drawn. */
  path: string | null;
  problem: string | null;
}

export interface DocumentPageInput {
  /** The input as the archivist knows it (its path relative to the batch). */
  file: string;
  /** This page's path in the site (`docs/…html`), by which the page finds its neighbours in the site's order. */
  self: string;
  conversion: Conversion;
  images: ReadonlyMap<number, PageImageRef>;
}

/** What the page's script needs that the HTML does not say: per line what it became, per element its lines. */
export interface ReviewData {
  file: string;
  self: string;
  lines: Record<string, { text: string; confidence: number | null; uses: LineUse[]; warnings: Array<Pick<Warning, 'code' | 'message'>>; repairs: Array<Pick<Repair, 'from' | 'to' | 'rule'>> }>;
  elements: Record<string, { label: string; kind: string; lines: string[] }>;
  headers: Record<string, string>;
}

const GROUPS: Array<[Attendee['group'], string]> = [
  ['beslutande', 'Beslutande'], ['ersättare', 'Ersättare'], ['övriga', 'Övriga närvarande'],
  ['närvarande', 'Närvarande'], ['frånvarande', 'Frånvarande'], [null, 'Without group'],
];

export function documentPage(input: DocumentPageInput): string {
  const { minutes: doc, pages, lines } = input.conversion;
  const root = '../'.repeat(input.self.split('/').length - 1);
  const uses = lineUses(doc, lines, input.conversion.trace);
  const data = reviewData(input, uses);
  const ocrPages = doc.source.pages.filter((p) => p.text === 'ocr');
  const meta = [
    doc.source.format === 'text' ? 'text' : doc.source.format.toUpperCase(),
    `${pages.length} page${pages.length === 1 ? '' : 's'}`,
    ocrPages.length ? `${ocrPages.length} OCR'd` : null,
    `${doc.warnings.length} warning${doc.warnings.length === 1 ? '' : 's'}`,
    `${doc.repairs.length} repair${doc.repairs.length === 1 ? '' : 's'}`,
  ].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.file)} — protokoll review</title>
<link rel="stylesheet" href="${root}assets/review.css">
</head>
<body class="document-page"${attrs({ 'data-self': input.self })}>
<header class="bar">
  <nav class="docnav">
    <a class="to-index" href="${root}index.html" title="Back to the index (i)">Index</a>
    <a class="prev-doc" aria-disabled="true" title="Previous document (p)">← prev</a>
    <a class="next-doc" aria-disabled="true" title="Next document (n)">next →</a>
  </nav>
  <h1 title="${esc(input.file)}">${esc(input.file)}</h1>
  <p class="meta">${esc(meta)}</p>
  <label class="toggle"><input type="checkbox" id="show-lines"> show every line</label>
  <button type="button" class="help-button" aria-controls="help" title="Keyboard (?)">?</button>
</header>
<aside id="help" class="help" hidden>
  <p><kbd>j</kbd> / <kbd>k</kbd> next / previous item · <kbd>n</kbd> / <kbd>p</kbd> next / previous document · <kbd>i</kbd> index ·
  <kbd>l</kbd> show every line · <kbd>Esc</kbd> clear · <kbd>?</kbd> this help. Click an extracted element to see its line on the page; click a line to see what it became.</p>
  <p class="legend"><span class="swatch used"></span> used <span class="swatch furniture"></span> page furniture <span class="swatch unused"></span> not used <span class="swatch low"></span> low OCR confidence <span class="swatch warn"></span> warning</p>
</aside>
<main class="split">
<section class="source" aria-label="Source pages">
${pages.map((p) => sourcePage(p, doc, uses, input.images.get(p.number) ?? null, root)).join('\n')}
</section>
<section class="extracted" aria-label="Extracted document">
<div id="inspector" class="inspector" aria-live="polite"><p class="hint">Select an element to see where it came from, or a line on the page to see what it became.</p></div>
${headerSection(doc)}
${attendeesSection(doc)}
${agendaSection(doc)}
${itemsSection(doc)}
${signaturesSection(doc)}
${warningsSection(doc)}
${repairsSection(doc)}
</section>
</main>
<script type="application/json" id="review-data">${scriptJson(data)}</script>
<script src="${root}order.js"></script>
<script src="${root}assets/review.js"></script>
</body>
</html>
`;
}

function reviewData(input: DocumentPageInput, uses: Map<string, LineUse[]>): ReviewData {
  const { minutes: doc, pages } = input.conversion;
  const lines: ReviewData['lines'] = {};
  for (const p of pages) {
    for (const l of p.lines) {
      if (l.text.trim() === '') continue;
      lines[lineKey(l.page, l.line)] = { text: l.text, confidence: l.confidence, uses: uses.get(lineKey(l.page, l.line)) ?? [], warnings: [], repairs: [] };
    }
  }
  for (const w of doc.warnings) {
    if (w.page !== null && w.line !== null) lines[lineKey(w.page, w.line)]?.warnings.push({ code: w.code, message: w.message });
  }
  for (const r of doc.repairs) lines[lineKey(r.page, r.line)]?.repairs.push({ from: r.from, to: r.to, rule: r.rule });
  const elements: ReviewData['elements'] = {};
  for (const e of elementsOf(doc)) elements[e.id] = { label: e.label, kind: e.kind, lines: [] };
  const headers: Record<string, string> = {};
  // Keys in page and line order, so an element's first line is its start.
  const ordered = [...uses.entries()].sort(([a], [b]) => compareKeys(a, b));
  for (const [key, list] of ordered) {
    for (const u of list) {
      if ((u.kind === 'start' || u.kind === 'part') && elements[u.element]) elements[u.element]!.lines.push(key);
      if (u.kind === 'header') headers[u.field] = key;
    }
  }
  return { file: input.file, self: input.self, lines, elements, headers };
}

function compareKeys(a: string, b: string): number {
  const [pa, la] = a.split(':').map(Number) as [number, number];
  const [pb, lb] = b.split(':').map(Number) as [number, number];
  return pa - pb || la - lb;
}

/** The classes a line is drawn with: what it became, and whether OCR doubted it or a warning points at it. */
function lineClasses(l: RawLine, uses: LineUse[] | undefined, warned: boolean): string {
  const list = uses ?? [];
  const state = list.some((u) => u.kind !== 'furniture') ? 'used' : list.some((u) => u.kind === 'furniture') ? 'furniture' : 'unused';
  const low = l.confidence !== null && l.confidence < LOW_CONFIDENCE;
  return ['ln', state, low ? 'low' : null, warned ? 'warn' : null].filter(Boolean).join(' ');
}

function lineTitle(l: RawLine): string {
  return `page ${l.page}, line ${l.line}${l.confidence !== null ? ` (OCR ${Math.round(l.confidence)})` : ''}: ${l.text.replace(/\t/g, '  ')}`;
}

function sourcePage(p: RawPage, doc: Minutes, uses: Map<string, LineUse[]>, image: PageImageRef | null, root: string): string {
  const warned = new Set(doc.warnings.filter((w) => w.page === p.number && w.line !== null).map((w) => lineKey(w.page!, w.line!)));
  const pageWarnings = doc.warnings.filter((w) => w.page === p.number);
  const info = doc.source.pages.find((x) => x.number === p.number);
  const how = p.source === 'ocr' ? `OCR${p.ocrConfidence !== null ? `, confidence ${Math.round(p.ocrConfidence)}` : ''}` : p.source === 'layer' ? 'text layer' : 'text';
  const heading = `<h2 class="page-heading">Page ${p.number} <small>${esc(how)}${pageWarnings.length ? ` · <span class="page-warnings">${pageWarnings.length} warning${pageWarnings.length === 1 ? '' : 's'}</span>` : ''}</small></h2>`;
  const size = info?.size ?? p.size ?? null;
  if (!size) {
    // A text input: the text itself, every line numbered as an editor numbers it.
    const items = p.lines.map((l) => {
      const key = lineKey(l.page, l.line);
      if (l.text.trim() === '') return `<li class="blank" value="${l.line}"><span class="no">${l.line}</span></li>`;
      return `<li${attrs({ class: lineClasses(l, uses.get(key), warned.has(key)), 'data-line': key, value: l.line, tabindex: 0 })}><span class="no">${l.line}</span><span class="tx">${esc(l.text)}</span></li>`;
    });
    return `<div class="page text-page" id="page-${p.number}" data-page="${p.number}">${heading}<ol class="lines">${items.join('')}</ol></div>`;
  }
  const boxes = p.lines.filter((l) => l.box && l.text.trim() !== '').map((l) => {
    const key = lineKey(l.page, l.line);
    const b = l.box!;
    const style = `left:${percent(b.x, size.width)};top:${percent(b.y, size.height)};width:${percent(b.width, size.width)};height:${percent(b.height, size.height)}`;
    return `<button type="button"${attrs({ class: lineClasses(l, uses.get(key), warned.has(key)), 'data-line': key, style, title: lineTitle(l), 'aria-label': lineTitle(l) })}></button>`;
  });
  const picture = image?.path
    ? `<img src="${root}${href(image.path)}" alt="Page ${p.number} of the source" loading="lazy" decoding="async">`
    : `<p class="no-image">This page could not be drawn${image?.problem ? `: ${esc(image.problem)}` : ''}.</p>`;
  return `<div class="page image-page" id="page-${p.number}" data-page="${p.number}">${heading}<div class="sheet" style="aspect-ratio:${size.width} / ${size.height};--ratio:${(size.width / size.height).toFixed(4)}"${attrs({ 'data-width': size.width, 'data-height': size.height, 'data-unit': size.unit })}>${picture}${boxes.join('')}</div></div>`;
}

/** An extracted element the reader can select: it knows its id, and the line it starts on. */
function el(tag: string, id: string, source: { page: number; line: number }, inner: string, extraClass = ''): string {
  return `<${tag}${attrs({ class: `el${extraClass ? ` ${extraClass}` : ''}`, id: `el-${id}`, 'data-el': id, 'data-line': lineKey(source.page, source.line), tabindex: 0 })}>${inner}</${tag}>`;
}

const field = (name: string, value: string | null | undefined, key?: string) =>
  value ? `<dt>${esc(name)}</dt><dd${attrs({ 'data-field': key })}>${esc(value)}</dd>` : '';

function headerSection(doc: Minutes): string {
  const h = doc.document;
  const date = h.date && h.dateText && h.dateText !== h.date ? `${h.date} (${h.dateText})` : h.date ?? h.dateText;
  const time = h.startTime || h.endTime ? `${h.startTime ?? '?'}–${h.endTime ?? '?'}` : null;
  const rows = [
    field('Kind', h.kind), field('Title', h.title, 'title'), field('Organisation', h.organization, 'organization'), field('Body', h.body, 'body'),
    field('Org. number', h.orgNumber, 'orgNumber'), field('Protocol number', h.protocolNumber, 'protocolNumber'), field('Date', date, 'date'),
    field('End date', h.endDate), field('Time', time, 'startTime'), field('Location', h.location, 'location'),
    field('Paragraphs', h.paragraphs ? `§ ${h.paragraphs.from}–${h.paragraphs.to}` : null),
  ].join('');
  return `<section class="section header-fields"><h2>Document</h2><dl>${rows}</dl></section>`;
}

function attendeesSection(doc: Minutes): string {
  if (!doc.attendees.length) return '<section class="section attendees"><h2>Attendees</h2><p class="empty">None found.</p></section>';
  const groups = GROUPS.map(([group, title]) => {
    const members = doc.attendees.map((a, k) => ({ a, k })).filter(({ a }) => a.group === group);
    if (!members.length) return '';
    const items = members.map(({ a, k }) => {
      const details = [a.party ? ` (${esc(a.party)})` : '', a.organization ? `, ${esc(a.organization)}` : '', a.title ? `, ${esc(a.title)}` : '',
        a.role ? ` — <em>${esc(a.role)}</em>` : '', a.replaces ? ` <span class="replaces">for ${esc(a.replaces)}</span>` : '', a.note ? ` <span class="note">${esc(a.note)}</span>` : ''].join('');
      return el('li', `a${k}`, a.source, `<span class="name">${esc(a.name)}</span>${details}`);
    });
    return `<h3>${esc(title)} <small>${members.length}</small></h3><ul class="people">${items.join('')}</ul>`;
  });
  return `<section class="section attendees"><h2>Attendees <small>${doc.attendees.length}</small></h2>${groups.join('')}</section>`;
}

function agendaSection(doc: Minutes): string {
  if (!doc.agenda.length) return '';
  const items = doc.agenda.map((e, k) => el('li', `g${k}`, e.source, `${e.number ? `<span class="num">${esc(e.number)}</span> ` : ''}${esc(e.title)}${e.page !== null ? ` <small>p. ${e.page}</small>` : ''}`));
  return `<section class="section agenda"><h2>Agenda <small>${doc.agenda.length}</small></h2><ol class="plain">${items.join('')}</ol></section>`;
}

function itemsSection(doc: Minutes): string {
  if (!doc.items.length) return '<section class="section items"><h2>Items</h2><p class="empty">None found.</p></section>';
  const items = doc.items.map((item, k) => {
    const id = `i${k}`;
    const name = item.paragraph !== null ? `§ ${item.paragraph}` : item.number ?? '';
    const facts = [item.kind ? `kind ${item.kind}` : null, item.caseNumber].filter(Boolean).map((f) => esc(f)).join(' · ');
    const heading = el('h3', id, item.source, `<span class="num">${esc(name)}</span> <span class="title">${esc(item.title)}</span>${facts ? ` <small>${facts}</small>` : ''}`, 'item-heading');
    const body = item.body.trim() ? `<div class="body">${item.body.split(/\n{2,}/).map((para) => `<p>${esc(para)}</p>`).join('')}</div>` : '';
    const decisions = item.decisions.length
      ? `<h4>Decisions</h4><ol class="decisions">${item.decisions.map((d, m) => el('li', `${id}d${m}`, d.source, esc(d.text))).join('')}</ol>` : '';
    const votes = item.votes.length
      ? `<h4>Votes</h4><ul class="votes">${item.votes.map((v, m) => el('li', `${id}v${m}`, v.source, [v.yes !== null ? `${v.yes} yes` : null, v.no !== null ? `${v.no} no` : null, v.abstain !== null ? `${v.abstain} abstaining` : null, v.outcome].filter(Boolean).map((x) => esc(x)).join(' · ') || 'vote')).join('')}</ul>` : '';
    const reservations = item.reservations.length
      ? `<h4>Reservations</h4><ul class="reservations">${item.reservations.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '';
    return `<article class="item" data-item="${k}">${heading}${body}${decisions}${votes}${reservations}</article>`;
  });
  return `<section class="section items"><h2>Items <small>${doc.items.length}</small></h2>${items.join('')}</section>`;
}

function signaturesSection(doc: Minutes): string {
  if (!doc.signatures.length) return '';
  const items = doc.signatures.map((s, k) => el('li', `s${k}`, s.source, `<span class="name">${esc(s.name)}</span>${s.role ? ` — <em>${esc(s.role)}</em>` : ''}${s.method ? ` <small>${esc(s.method)}</small>` : ''}${s.date ? ` <small>${esc(s.date)}</small>` : ''}`));
  return `<section class="section signatures"><h2>Signatures <small>${doc.signatures.length}</small></h2><ul class="plain">${items.join('')}</ul></section>`;
}

/** A warning or repair points at a line; selecting it shows the line like selecting an element does. */
function pointer(page: number | null, line: number | null): string {
  return page !== null ? attrs({ class: 'at', 'data-line': line !== null ? lineKey(page, line) : null, 'data-page': page, tabindex: 0 }) : attrs({ class: 'at' });
}

function warningsSection(doc: Minutes): string {
  if (!doc.warnings.length) return '<section class="section warnings"><h2>Warnings</h2><p class="empty">None.</p></section>';
  const items = doc.warnings.map((w) => `<li${pointer(w.page, w.line)}><code>${esc(w.code)}</code> ${esc(w.message)}${w.page !== null ? ` <small>p. ${w.page}${w.line !== null ? `, l. ${w.line}` : ''}</small>` : ''}</li>`);
  return `<section class="section warnings"><h2>Warnings <small>${doc.warnings.length}</small></h2><ul class="plain">${items.join('')}</ul></section>`;
}

function repairsSection(doc: Minutes): string {
  if (!doc.repairs.length) return '';
  const items = doc.repairs.map((r) => `<li${pointer(r.page, r.line)}><del>${esc(r.from)}</del> → <ins>${esc(r.to)}</ins> <small>${esc(r.rule)} ${Math.round(r.confidence * 100)} % · p. ${r.page}, l. ${r.line}</small></li>`);
  return `<section class="section repairs"><h2>Repairs <small>${doc.repairs.length}</small></h2><ul class="plain">${items.join('')}</ul></section>`;
}
