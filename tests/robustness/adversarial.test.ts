// The adversarial reproducers (fixtures/adversarial, README there): each ends, in bounded time and memory, as a
// conversion or one typed line on stderr, in one real batch that goes on past every one of them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTree, tempDir } from '../batch/tree.js';
import { bmp8 } from './image-builder.js';
import { alive, repo, runCli, type CliRun } from './spawn-cli.js';

const fixtures = path.join(repo, 'fixtures/adversarial');

/** The text shapes of the reproducers' make-text-repros.sh, written by the test. */
const TEXTS: Record<string, () => string> = {
  'one-word-250k.txt': () => 'a'.repeat(250_000),
  'one-word-10MB.txt': () => 'a'.repeat(10_000_000),
  'para-200000.txt': () => Array.from({ length: 200_000 }, (_, i) => `§ ${i + 1}`).join('\n') + '\n',
  'deep-list-2000.md': () => Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- punkt\n`).join(''),
};
/** The reproducers' BMPs, built from their headers: a file cut in half, and a header declaring 100 megapixels over 226 KB. */
const IMAGES: Record<string, () => Buffer> = {
  'trunc-bmp-half.bmp': () => bmp8(1654, 2339, 1_936_153),
  'bmp-9999x9999-declared-small-data.bmp': () => bmp8(9999, 9999, 226_400),
};

interface Expect {
  /** Refused with one line matching this, or converted (null) … */
  refused: RegExp | null;
  /** … with these warning codes among its warnings (a list: one of them). */
  warnings?: Array<string | string[]>;
}

const EXPECTED: Record<string, Expect> = {
  'contentsloop-06.pdf': { refused: null, warnings: ['pdf-page-timeout'] },
  // Its innermost forms are left out where the stack ends (after 4 s); a machine slowed down five times over the
  // page limit skips the page instead: either way a bounded, warned loss.
  'deepform-02.pdf': { refused: null, warnings: [['pdf-content-incomplete', 'pdf-page-timeout']] },
  'flate-bad.pdf': { refused: null, warnings: ['pdf-page-damaged'] },
  'hugecount-07.pdf': { refused: /the PDF is damaged: its page tree claims -1 pages/ },
  'hugemediabox-03.pdf': { refused: null, warnings: ['page-too-large'] },
  'pdf-jpx-page.pdf': { refused: null },
  'pdf-page-1x1-image-on-1x1pt-page.pdf': { refused: /no page could be read: page 1 is 1×1 points .* too small to hold readable text/ },
  'pdf-page-20000x20000-flate-image.pdf': { refused: /no page could be read: page 1: an image is over the 100-megapixel limit and was left out/ },
  'png-1x1.png': { refused: /the image is 1×1 pixels, too small to hold readable text/ },
  'trunc-bmp-half.bmp': { refused: /the image cannot be read: the BMP is truncated: its header declares 1654×2339 pixels/ },
  'bmp-9999x9999-declared-small-data.bmp': { refused: /the image cannot be read: the BMP is truncated: its header declares 9999×9999 pixels/ },
  'one-word-250k.txt': { refused: null, warnings: ['not-minutes'] },
  'one-word-10MB.txt': { refused: null, warnings: ['not-minutes'] },
  'para-200000.txt': { refused: null },
  'deep-list-2000.md': { refused: null },
};

const GOOD = ['pdf-gr-kommunchefer', 'pdf-halsingeradet-2024-01-24', 'pdf-krf-halland-2024'];

/** Memory of the whole run (protokoll, its PDF readers, OCR threads): the bugs reached 2.7 and 6.8 GB. */
const MAX_RUN_MB = 1500;

let root: string;
let run: CliRun;
let report: { inputs: Array<{ path: string; status: string; reason: string | null; warnings: string[]; output: string | null; seconds: number }> };

beforeAll(async () => {
  root = tempDir('protokoll-adversarial-');
  const input = path.join(root, 'in');
  fs.mkdirSync(input);
  for (const f of fs.readdirSync(fixtures).filter((f) => f in EXPECTED)) fs.copyFileSync(path.join(fixtures, f), path.join(input, f));
  for (const [name, make] of Object.entries(TEXTS)) fs.writeFileSync(path.join(input, name), make());
  // Good inputs among them, which must convert whatever their neighbours do.
  for (const name of GOOD) fs.copyFileSync(path.join(repo, 'fixtures', name, 'input.pdf'), path.join(input, `${name}.pdf`));
  // BMPs are not picked up from folders; they are named on the command line.
  const images = Object.entries(IMAGES).map(([name, make]) => {
    fs.writeFileSync(path.join(root, name), make());
    return path.join(root, name);
  });
  // The default limits: a page loop ends after 20 s, while the other inputs go on beside it.
  run = await runCli(['convert', input, ...images, '-o', path.join(root, 'out'), '--report', path.join(root, 'report.json'), '--quiet', '-j', '2'], { watchdogMs: 400_000 });
  // About 30 s on two quiet cores; the watchdog leaves room for a machine loaded many times over.
  expect(run.hung, 'the batch had to be killed').toBe(false);
  report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8'));
}, 420_000);

describe('adversarial inputs in one batch', () => {
  it('the batch ends on its own, within the memory limit, and every input has a result', () => {
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    expect(run.peakMb).toBeLessThan(MAX_RUN_MB);
    expect(report.inputs.map((r) => path.basename(r.path)).sort()).toEqual([...Object.keys(EXPECTED), ...GOOD.map((g) => `${g}.pdf`)].sort());
    for (const good of GOOD) expect(report.inputs.find((r) => r.path.endsWith(`${good}.pdf`))).toMatchObject({ status: 'converted' });
    // Nothing on stderr but one line per refused input: no pdf.js exception, no V8 stack dump.
    const refused = Object.entries(EXPECTED).filter(([, e]) => e.refused).map(([f]) => f);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(refused.length);
    for (const line of lines) expect(line).toMatch(/^protokoll: \S+: \S/);
    // PDF reader processes ran, and none outlives the run.
    expect(run.descendants.length).toBeGreaterThan(0);
    for (const pid of run.descendants) expect(alive(pid), `process ${pid}`).toBe(false);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.refused ? 'refused with one typed line' : 'converted'}`, () => {
      const record = report.inputs.find((r) => path.basename(r.path) === file)!;
      const lines = run.stderr.split('\n').filter((l) => l.includes(`/${file}: `));
      if (expected.refused) {
        expect(record.status).toBe('failed');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(expected.refused);
        expect(record.reason).toMatch(expected.refused);
        expect(listTree(path.join(root, 'out')).filter((f) => f.startsWith(file.replace(/\.\w+$/, '')))).toEqual([]);
      } else {
        expect(record.status).toBe('converted');
        expect(lines).toEqual([]);
        for (const code of expected.warnings ?? []) {
          const anyOf = Array.isArray(code) ? code : [code];
          expect(record.warnings.some((w) => anyOf.includes(w)), `${anyOf.join(' or ')} in ${record.warnings.join(', ')}`).toBe(true);
        }
        const doc = JSON.parse(fs.readFileSync(record.output!, 'utf8'));
        expect(doc.schemaVersion).toBe(1);
      }
    });
  }

  it('the page loop: its page is skipped after the page limit, and the file\'s other pages are read', () => {
    const record = report.inputs.find((r) => r.path.endsWith('contentsloop-06.pdf'))!;
    const doc = JSON.parse(fs.readFileSync(record.output!, 'utf8'));
    expect(doc.warnings[0]).toEqual({ code: 'pdf-page-timeout', page: 1, line: 1, message: 'page 1 was skipped: reading it took longer than 20 s, the limit per page' });
    expect(doc.source.pages).toHaveLength(6);
  });

  it('the JPEG 2000 page is read, not returned empty', () => {
    const record = report.inputs.find((r) => r.path.endsWith('pdf-jpx-page.pdf'))!;
    const doc = JSON.parse(fs.readFileSync(record.output!, 'utf8'));
    expect(doc.source.pages[0].text).toBe('ocr');
    expect(doc.document.title).toMatch(/Kommundirekt.rsm.te/);
    expect(doc.attendees.length).toBeGreaterThan(5);
  });

  it('the huge page boxes are refused for rendering, page by page, and their text layers kept', () => {
    const record = report.inputs.find((r) => r.path.endsWith('hugemediabox-03.pdf'))!;
    const doc = JSON.parse(fs.readFileSync(record.output!, 'utf8'));
    expect(doc.warnings.filter((w: { code: string }) => w.code === 'page-too-large').map((w: { page: number }) => w.page)).toEqual([2, 4, 6]);
    expect(doc.source.pages.filter((p: { number: number }) => [1, 3, 5].includes(p.number)).every((p: { text: string }) => p.text === 'layer')).toBe(true);
  });
});
