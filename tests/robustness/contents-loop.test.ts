// A PDF whose page never finishes parsing (contentsloop-06.pdf) inside a batch of good files: SIGINT or SIGTERM stop
// the whole run at once, with summary, report and no process or file left; a review site over it is written. (The
// batch going on past it, with good files beside it, is in adversarial.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { listTree, minutes, tempDir, writeTree } from '../batch/tree.js';
import { fakeIo } from '../cli/fake-io.js';
import { alive, repo, runCli } from './spawn-cli.js';

const loop = fs.readFileSync(path.join(repo, 'fixtures/adversarial/contentsloop-06.pdf'));
const pdf = (name: string) => fs.readFileSync(path.join(repo, 'fixtures', name, 'input.pdf'));

/** The loop first (inputs are taken in name order), then good PDFs and texts. */
function batch(root: string): { input: string; count: number } {
  const files: Record<string, string | Uint8Array> = {
    'a-contentsloop.pdf': loop,
    'b-gr-kommunchefer.pdf': pdf('pdf-gr-kommunchefer'),
    'c-halsingeradet.pdf': pdf('pdf-halsingeradet-2024-01-24'),
  };
  for (let i = 0; i < 6; i++) files[`d-minutes-${i}.txt`] = minutes(i);
  writeTree(path.join(root, 'in'), files);
  return { input: path.join(root, 'in'), count: Object.keys(files).length };
}

describe('a page that never finishes parsing', () => {
  for (const [signal, exit] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} stops the run while the page loops: exit ${exit}, summary, report, no reader or temporary file left`, async () => {
      const root = tempDir('protokoll-loop-signal-');
      const { input, count } = batch(root);
      const out = path.join(root, 'out');
      let sentAt = 0;
      let readers: number[] = [];
      // Default limits: the loop would hold its page for 20 s. The signal comes once every other input is done.
      const r = await runCli(['convert', input, '-o', out, '--report', path.join(root, 'report.json'), '-j', '2'], {
        watchdogMs: 60_000,
        onSample: ({ pid, descendants, elapsedMs }) => {
          if (sentAt || listTree(out).filter((f) => f.endsWith('.json')).length < count - 1) return;
          readers = descendants;
          sentAt = elapsedMs;
          process.kill(pid, signal);
        },
      });
      expect(sentAt).toBeGreaterThan(0);
      expect(r.hung).toBe(false);
      expect(r.code).toBe(exit);
      // It stopped at once, not when the page's 20 s ran out.
      expect(r.seconds * 1000 - sentAt).toBeLessThan(5_000);
      expect(r.stderr).toMatch(new RegExp(`Interrupted: 1 of ${count} inputs not converted`));
      expect(r.stderr).toMatch(/converted\s+8/);
      const report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8'));
      expect(report.summary).toMatchObject({ interrupted: true, converted: count - 1 });
      expect(listTree(out).filter((f) => !f.endsWith('.json'))).toEqual([]);
      expect(readers.length).toBeGreaterThan(0);
      for (const pid of readers) expect(alive(pid), `reader ${pid}`).toBe(false);
    }, 70_000);
  }
});

describe('a review site over a page that never finishes parsing', () => {
  it('is written: the page is drawn in the reader process, not again after its time ran out, and the others are drawn', async () => {
    const root = tempDir('protokoll-loop-review-');
    const input = writeTree(path.join(root, 'in'), { 'a-contentsloop.pdf': loop, 'b-gr-kommunchefer.pdf': pdf('pdf-gr-kommunchefer') });
    const site = path.join(root, 'site');
    const io = fakeIo();
    expect(await run(['review', input, '-o', site, '--pdf-page-timeout', '3'], io)).toBe(0);
    expect(listTree(path.join(site, 'pages', 'a-contentsloop.pdf'))).toEqual(['2.jpg', '3.jpg', '4.jpg', '5.jpg', '6.jpg']);
    // The conversion's 3 s: drawn again, the page would have run into the review's own (default) 20 s.
    expect(fs.readFileSync(path.join(site, 'docs', 'a-contentsloop.pdf.html'), 'utf8')).toContain('reading it took longer than 3 s, the limit per page');
    expect(listTree(path.join(site, 'pages', 'b-gr-kommunchefer.pdf')).length).toBeGreaterThan(0);
  }, 60_000);
});
