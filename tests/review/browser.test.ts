// The review site in a real browser (Debian's Chromium through playwright-core), opened from file:// as an archivist would.
// Screenshots go to test-artifacts/review/ for a developer to look at.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { convert } from '../../src/convert.js';
import type { Minutes } from '../../src/schema/minutes.js';
import { fakeIo } from '../cli/fake-io.js';
import { tempDir } from '../batch/tree.js';

const CHROMIUM = process.env.PROTOKOLL_CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) console.warn(`review browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set PROTOKOLL_CHROMIUM)`);

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const artefacts = path.resolve(import.meta.dirname, '../../test-artifacts/review');

describe.skipIf(!available)('review site in Chromium (file://)', () => {
  let browser: Browser;
  let site: string;
  let pdfDoc: Minutes;
  const url = (p: string) => pathToFileURL(path.join(site, p)).href;
  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(artefacts, { recursive: true });
    const file = path.join(artefacts, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`screenshot: ${path.relative(process.cwd(), file)}`);
  };
  const open = async (p: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Nothing may be fetched from the network: every request must be a file of the site.
    page.on('request', (r) => { if (!r.url().startsWith('file://')) errors.push(`fetched ${r.url()}`); });
    await page.goto(url(p), { waitUntil: 'load' });
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  };

  beforeAll(async () => {
    const root = tempDir('protokoll-review-browser-');
    const input = path.join(root, 'archive');
    const put = (from: string, to: string) => {
      fs.mkdirSync(path.dirname(path.join(input, to)), { recursive: true });
      fs.copyFileSync(from, path.join(input, to));
    };
    // Every kind of input: text, a born-digital PDF, a PDF with scanned pages, a page image, and two that fail.
    put(path.join(fixtures, 'text-gr-kommunchefer/input.txt'), 'text/gr-kommunchefer.txt');
    put(path.join(fixtures, 'pdf-gr-kommunchefer/input.pdf'), 'pdf/gr-kommunchefer.pdf');
    put(path.join(fixtures, 'ocr/mixed.pdf'), 'scans/mixed.pdf');
    put(path.join(fixtures, 'ocr/familjen-p1-top.png'), 'scans/familjen-p1.png');
    put(path.join(fixtures, 'bad/encrypted.pdf'), 'bad/encrypted.pdf');
    fs.writeFileSync(path.join(input, 'bad/empty.txt'), '');
    site = path.join(root, 'site');
    const io = fakeIo();
    expect(await run(['review', input, '-o', site, '--jobs', '2'], io)).toBe(1);
    pdfDoc = await convert(path.join(input, 'pdf/gr-kommunchefer.pdf'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lists every input with its status, filters and sorts them, and puts what needs a look first', async () => {
    const page = await open('index.html');
    const rows = () => page.$$eval('#documents .rows .row:not([hidden])', (rs) => rs.map((r) => [r.children[0]!.textContent!.trim(), r.getAttribute('data-status')]));
    expect(await rows()).toEqual([
      ['bad/empty.txt', 'failed'],
      ['bad/encrypted.pdf', 'failed'],
      ['pdf/gr-kommunchefer.pdf', 'converted'],
      ['scans/familjen-p1.png', 'converted'],
      ['scans/mixed.pdf', 'converted'],
      ['text/gr-kommunchefer.txt', 'converted'],
    ]);
    expect(await page.textContent('#documents .rows .row:nth-child(2) .reason')).toContain('encrypted');
    expect(await page.locator('#documents .rows .row:nth-child(2) .reason').isVisible()).toBe(true);
    await page.selectOption('#filter-status', 'failed');
    expect((await rows()).map((r) => r[0])).toEqual(['bad/empty.txt', 'bad/encrypted.pdf']);
    expect(await page.textContent('#shown')).toBe('2 shown');
    await page.selectOption('#filter-status', '');
    await page.fill('#filter-text', 'familjen');
    expect((await rows()).map((r) => r[0])).toEqual(['scans/familjen-p1.png']);
    await page.fill('#filter-text', '');
    // Items, most first; then "needs a look first" brings the failures and the page without items to the top.
    const column = (n: number) => `#documents .row.head > div:nth-child(${n}) button`;
    await page.click(column(8));
    expect((await rows())[0]![0]).toMatch(/gr-kommunchefer/);
    await page.check('#attention-first');
    expect((await rows()).slice(0, 2).map((r) => r[1])).toEqual(['failed', 'failed']);
    const scores = await page.$$eval('#documents .rows .row', (rs) => rs.map((r) => Number(r.getAttribute('data-attention'))));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The crop of a page has no items, which needs a look before a clean born-digital PDF.
    const order = (await rows()).map((r) => r[0]);
    expect(order.indexOf('scans/familjen-p1.png')).toBeLessThan(order.indexOf('pdf/gr-kommunchefer.pdf'));
    await shot(page, 'index');
    // Keyboard: j moves to a row, Enter opens it.
    await page.uncheck('#attention-first');
    await page.click(column(1));
    await page.click(column(1));
    await page.keyboard.press('j');
    await Promise.all([page.waitForURL(/docs\/text\/gr-kommunchefer\.txt\.html$/), page.keyboard.press('Enter')]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('highlights the line an item came from, at its place on the rendered PDF page', async () => {
    const page = await open('docs/pdf/gr-kommunchefer.pdf.html');
    // The page image loads from file:// (the project has no DOM types: the image is described by what is used of it).
    type Img = { decode(): Promise<void>; naturalWidth: number };
    expect(await page.$eval('.page[data-page="1"] img', (img) => (img as unknown as Img).decode().then(() => (img as unknown as Img).naturalWidth))).toBeGreaterThan(500);
    const item = pdfDoc.items[1]!;
    const box = item.source.box!;
    const size = pdfDoc.source.pages[item.source.page - 1]!.size!;
    await page.click('[data-el="i1"]');
    const hl = page.locator('.ln.hl');
    expect(await hl.count()).toBe(1);
    expect(await hl.getAttribute('data-line')).toBe(`${item.source.page}:${item.source.line}`);
    // Where it is drawn is where the box says, scaled to the page as shown; and it was scrolled into view.
    const sheet = (await page.locator(`.page[data-page="${item.source.page}"] .sheet`).boundingBox())!;
    const drawn = (await hl.boundingBox())!;
    expect(drawn.x).toBeCloseTo(sheet.x + (box.x / size.width) * sheet.width, 0);
    expect(drawn.y).toBeCloseTo(sheet.y + (box.y / size.height) * sheet.height, 0);
    expect(drawn.width).toBeCloseTo((box.width / size.width) * sheet.width, 0);
    expect(drawn.y).toBeGreaterThan(0);
    expect(drawn.y + drawn.height).toBeLessThan(900);
    // And that place on the page holds ink: the heading's text, not white paper.
    const lineBoxes = (visibility: string) => page.$$eval('.ln', (ns, v) => ns.forEach((n) => { (n as unknown as { style: { visibility: string } }).style.visibility = v; }), visibility);
    await lineBoxes('hidden');
    expect(await inkShare(page, drawn)).toBeGreaterThan(0.05);
    await lineBoxes('');
    expect(await page.textContent('#inspector')).toContain(item.title);
    await shot(page, 'pdf-item-selected');
    await page.close();
  });

  it('says what a line on the page became: an element, page furniture, or nothing', async () => {
    const page = await open('docs/pdf/gr-kommunchefer.pdf.html');
    const attendee = pdfDoc.attendees[0]!;
    await page.click(`.ln[data-line="${attendee.source.page}:${attendee.source.line}"]`);
    expect(await page.textContent('#inspector')).toContain(`the start of ${attendee.name}`);
    expect(await page.getAttribute('[data-el="a0"]', 'class')).toContain('selected');
    // The item's body runs on over the lines after its heading.
    await page.click('[data-el="i0"]');
    expect(await page.locator('.ln.hl-part').count()).toBeGreaterThan(1);
    await page.click('.ln.hl-part >> nth=0');
    expect(await page.textContent('#inspector')).toContain(`part of item 1 ${pdfDoc.items[0]!.title}`);
    await page.close();
  });

  it('shows a text input with line numbers, and scans with OCR confidence, low-confidence lines and warnings marked', async () => {
    const text = await open('docs/text/gr-kommunchefer.txt.html');
    await text.click('[data-el="a0"]');
    expect(await text.textContent('li.ln.hl .tx')).toContain('Maria Reinholdsson, Ale');
    expect(await text.textContent('li.ln.hl .no')).toBe('9');
    // j and k walk the items.
    await text.keyboard.press('j');
    expect(await text.getAttribute('.item.current .item-heading', 'data-el')).toBe('i0');
    await text.keyboard.press('j');
    expect(await text.getAttribute('.item.current .item-heading', 'data-el')).toBe('i1');
    await shot(text, 'text-item-selected');
    await text.close();

    const scan = await open('docs/scans/familjen-p1.png.html');
    expect(await scan.textContent('.page-heading')).toMatch(/OCR, confidence \d+/);
    await scan.click('.ln >> nth=0');
    expect(await scan.textContent('#inspector')).toMatch(/OCR confidence \d+/);
    expect(await scan.locator('.warnings li').count()).toBeGreaterThan(0);
    await shot(scan, 'scan-line-selected');
    await scan.close();

    const mixed = await open('docs/scans/mixed.pdf.html');
    expect(await mixed.$$eval('.page-heading', (hs) => hs.map((h) => h.textContent!.replace(/\s+/g, ' ').trim()))).toEqual([
      expect.stringMatching(/^Page 1 text layer/), expect.stringMatching(/^Page 2 OCR, confidence \d+/), expect.stringMatching(/^Page 3 OCR, confidence \d+/),
    ]);
    // The replaced text layer's warning is marked on its page.
    expect(await mixed.textContent('.page[data-page="3"] .page-heading')).toContain('1 warning');
    expect(await mixed.locator('.page[data-page="2"] .ln').count()).toBeGreaterThan(3);
    await mixed.close();
  });

  it('pages through documents in the index\'s order with n and p', async () => {
    const page = await open('docs/pdf/gr-kommunchefer.pdf.html');
    await Promise.all([page.waitForURL(/scans\/familjen-p1\.png\.html$/), page.keyboard.press('n')]);
    await Promise.all([page.waitForURL(/pdf\/gr-kommunchefer\.pdf\.html$/), page.keyboard.press('p')]);
    await Promise.all([page.waitForURL(/index\.html$/), page.keyboard.press('i')]);
    await page.close();
  });
});

/** Share of dark pixels in a rectangle of the page as drawn. */
async function inkShare(page: Page, rect: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip: rect });
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 110) dark++;
  return dark / (data.length / 4);
}
