// Makes the README's screenshots of the review site (docs/review-index.png, docs/review-document.png) from the
// project's own fixtures, in Debian's Chromium. Run after `npm run build`: node scripts/review-screenshots.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { run } from '../dist/cli/main.js';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-review-shots-'));
const input = path.join(work, 'arkiv');
const put = (from, to) => {
  fs.mkdirSync(path.dirname(path.join(input, to)), { recursive: true });
  fs.copyFileSync(path.join(root, 'fixtures', from), path.join(input, to));
};
put('pdf-halsingeradet-2024-01-24/input.pdf', '2024/halsingeradet-2024-01-24.pdf');
put('pdf-krf-halland-2024/input.pdf', '2024/krf-halland-2024.pdf');
put('pdf-familjen-helsingborg-2025-12-12/input.pdf', '2025/familjen-helsingborg-2025-12-12.pdf');
put('text-gr-kommunchefer/input.txt', '2023/gr-kommunchefer.txt');
put('synthetic-kommunalnamnd-1974-03-18/input.txt', '1974/kommunalnamnd-1974-03-18.txt');
put('synthetic-socialnamnd-1987-05-12/input.txt', '1987/socialnamnd-1987-05-12.txt');
put('ocr/two-pages.tif', '2024/halsingeradet-narvaro.tif');
put('bad/encrypted.pdf', '2019/skyddad.pdf');
fs.writeFileSync(path.join(input, '2019/tom.txt'), '');

const site = path.join(work, 'site');
const quiet = { out() {}, err() {}, errIsTty: false, color: { red: String, green: String, yellow: String }, readStdin: async () => Buffer.alloc(0) };
await run(['review', input, '-o', site], quiet);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 560 } });
  await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
  await page.check('#attention-first');
  await page.screenshot({ path: path.join(root, 'docs/review-index.png') });

  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(pathToFileURL(path.join(site, 'docs/2024/halsingeradet-2024-01-24.pdf.html')).href);
  // An item whose decision is selected: its line is highlighted on the page, the lines it runs on over more lightly.
  const id = await page.$$eval('.decisions .el', (els) => els[0]?.getAttribute('data-el'));
  await page.click(`[data-el="${id}"]`);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(root, 'docs/review-document.png') });
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.error('wrote docs/review-index.png and docs/review-document.png');
