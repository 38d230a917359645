// report merge: counts add up, the longest shard sets the time, each input appears once, and missing shards are named.
import { describe, expect, it } from 'vitest';
import { mergeReports } from '../../src/batch/merge.js';

const entry = (p: string, status = 'converted') => ({ path: p, status, reason: status === 'failed' ? 'the file is empty' : null, code: status === 'failed' ? 'input-empty' : null, warnings: [], output: status === 'failed' ? null : `${p}.json`, seconds: 0.1 });
const summary = (over: Record<string, unknown>) => ({
  total: 2, converted: 2, skipped: 0, failed: 0, notStarted: 0, warningsByCode: {}, pages: 4, pagesOcr: 1, seconds: 10, interrupted: false, stoppedBy: null, ...over,
});

describe('mergeReports', () => {
  it('adds counts, pages and warnings by code; takes the longest time; keeps every input', () => {
    const { report, notes } = mergeReports([
      { file: 'r1.json', report: { summary: summary({ shard: { index: 1, count: 2 }, warningsByCode: { 'date-missing': 1 } }), inputs: [entry('a'), entry('b')] } },
      { file: 'r2.json', report: { summary: summary({ shard: { index: 2, count: 2 }, total: 3, failed: 1, seconds: 25, warningsByCode: { 'date-missing': 2, 'not-minutes': 1 }, interrupted: true }), inputs: [entry('c'), entry('d'), entry('e', 'failed')] } },
    ]);
    expect(notes).toEqual([]);
    expect(report.summary).toEqual({
      total: 5, converted: 4, skipped: 0, failed: 1, notStarted: 0, warningsByCode: { 'date-missing': 3, 'not-minutes': 1 }, pages: 8, pagesOcr: 2, seconds: 25, interrupted: true, stoppedBy: null,
    });
    expect(report.inputs.map((i) => i.path)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('names missing shards, and reports that were not shards', () => {
    const { notes } = mergeReports([
      { file: 'r1.json', report: { summary: summary({ shard: { index: 1, count: 4 } }), inputs: [] } },
      { file: 'r3.json', report: { summary: summary({ shard: { index: 3, count: 4 } }), inputs: [] } },
      { file: 'plain.json', report: { summary: summary({}), inputs: [] } },
    ]);
    expect(notes).toEqual(['shards 2, 4 of 4 missing: the merged report covers 2 of 4 shards', '1 report was not written by a --shard run']);
  });

  it('refuses an input in two reports, shards of different splits, a shard twice, and what is not a report', () => {
    expect(() => mergeReports([
      { file: 'r1.json', report: { summary: summary({}), inputs: [entry('a')] } },
      { file: 'r2.json', report: { summary: summary({}), inputs: [entry('a')] } },
    ])).toThrow('a is in both r1.json and r2.json');
    expect(() => mergeReports([
      { file: 'r1.json', report: { summary: summary({ shard: { index: 1, count: 2 } }), inputs: [] } },
      { file: 'r2.json', report: { summary: summary({ shard: { index: 1, count: 3 } }), inputs: [] } },
    ])).toThrow(/different splits/);
    expect(() => mergeReports([
      { file: 'r1.json', report: { summary: summary({ shard: { index: 2, count: 2 } }), inputs: [] } },
      { file: 'r2.json', report: { summary: summary({ shard: { index: 2, count: 2 } }), inputs: [] } },
    ])).toThrow('shard 2/2 is in both r1.json and r2.json');
    expect(() => mergeReports([{ file: 'x.json', report: { hello: 1 } }])).toThrow(/not a protokoll report/);
  });
});

describe('fields besides summary and inputs', () => {
  it('join lists, keep the latest finish time, and note values that differ', () => {
    const report = (over: Record<string, unknown>) => ({ reportVersion: 1, tool: { name: 'protokoll', version: '0.1.0' }, summary: summary({}), inputs: [], walkSkipped: [], ...over });
    const { report: merged, notes } = mergeReports([
      { file: 'r1.json', report: report({ finishedAt: '2025-03-01T10:00:00.000Z', walkSkipped: [{ path: 'a.doc', code: 'unsupported', reason: 'not a PDF' }] }) },
      { file: 'r2.json', report: report({ finishedAt: '2025-03-01T12:00:00.000Z', walkSkipped: [{ path: 'b.doc', code: 'unsupported', reason: 'not a PDF' }], tool: { name: 'protokoll', version: '0.2.0' } }) },
    ]);
    const m = merged as unknown as Record<string, unknown>;
    expect(m.reportVersion).toBe(1);
    expect(m.finishedAt).toBe('2025-03-01T12:00:00.000Z');
    expect((m.walkSkipped as { path: string }[]).map((w) => w.path)).toEqual(['a.doc', 'b.doc']);
    expect(m.tool).toEqual({ name: 'protokoll', version: '0.1.0' });
    expect(notes).toEqual(['the reports differ in "tool" ({"name":"protokoll","version":"0.1.0"}, {"name":"protokoll","version":"0.2.0"}); the merged report keeps {"name":"protokoll","version":"0.1.0"}']);
  });
});
