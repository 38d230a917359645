// What a queue has done and has left: counts, failures with reasons, throughput, time left, and the batch-shaped report.
import type { Job } from 'bullmq';
import type { BatchRecord } from '../batch/run.js';
import { summarize, type BatchSummary } from '../batch/summary.js';
import { decodeFailure } from './failure.js';
import { inputPathOf, outputPathOf, type QueueJobData, type QueueJobResult } from './job.js';
import type { ConversionQueue } from './open.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  /** Waiting for a retry after a failure that may pass. */
  delayed: number;
  completed: number;
  failed: number;
}

export interface QueueFailure { path: string; code: string; reason: string; attempts: number }

export interface QueueStatus {
  counts: QueueCounts;
  /** Workers connected to the queue now. */
  workers: number;
  /** The most recent failures, newest first (at most `failureLimit`). */
  failures: QueueFailure[];
  /** Over the last `windowSeconds` (or since the first of those jobs started); null before anything finished. */
  pagesPerMinute: number | null;
  documentsPerMinute: number | null;
  secondsLeft: number | null;
  windowSeconds: number;
}

type ConversionJob = Job<QueueJobData, QueueJobResult>;

const PAGE = 500;

export async function queueStatus(queue: ConversionQueue, options: { now?: number; windowSeconds?: number; failureLimit?: number } = {}): Promise<QueueStatus> {
  const now = options.now ?? Date.now();
  const windowSeconds = options.windowSeconds ?? 600;
  const raw = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
  const counts: QueueCounts = {
    waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0),
    active: raw.active ?? 0,
    delayed: raw.delayed ?? 0,
    completed: raw.completed ?? 0,
    failed: raw.failed ?? 0,
  };
  const failed = (await queue.getFailed(0, (options.failureLimit ?? 20) - 1)) as ConversionJob[];
  const failures = failed.filter(Boolean).map((job) => ({ path: inputPathOf(job.data), ...decodeFailure(job.failedReason), attempts: job.attemptsMade }));

  // Newest first, until the jobs are older than the window.
  const since = now - windowSeconds * 1000;
  let pages = 0;
  let documents = 0;
  let firstStart = Infinity;
  for (let start = 0; ; start += PAGE) {
    const jobs = ((await queue.getCompleted(start, start + PAGE - 1)) as ConversionJob[]).filter(Boolean);
    const recent = jobs.filter((j) => (j.finishedOn ?? 0) >= since);
    for (const j of recent) {
      pages += j.returnvalue?.pages ?? 0;
      documents++;
      firstStart = Math.min(firstStart, j.processedOn ?? j.finishedOn ?? now);
    }
    if (recent.length < jobs.length || jobs.length < PAGE) break;
  }
  const minutes = documents ? Math.max(now - Math.max(firstStart, since), 1000) / 60_000 : 0;
  const documentsPerMinute = documents ? documents / minutes : null;
  const left = counts.waiting + counts.active + counts.delayed;
  return {
    counts,
    workers: await queue.getWorkersCount().catch(() => 0),
    failures,
    pagesPerMinute: documents ? pages / minutes : null,
    documentsPerMinute,
    secondsLeft: left === 0 ? 0 : documentsPerMinute ? (left / documentsPerMinute) * 60 : null,
    windowSeconds,
  };
}

/**
 * Every finished input as a batch record, so `queue status --report` writes what `convert --report` writes. An output
 * queued more than once (its input changed, or a forced re-add) counts once, by its latest result.
 */
export async function queueRecords(queue: ConversionQueue): Promise<{ records: BatchRecord[]; notStarted: number; seconds: number }> {
  const latest = new Map<string, { finished: number; record: BatchRecord }>();
  let first = Infinity;
  let last = -Infinity;
  for (const state of ['completed', 'failed'] as const) {
    for (let start = 0; ; start += PAGE) {
      const jobs = ((await queue.getJobs(state, start, start + PAGE - 1, true)) as ConversionJob[]).filter(Boolean);
      for (const job of jobs) {
        const finished = job.finishedOn ?? 0;
        first = Math.min(first, job.processedOn ?? finished);
        last = Math.max(last, finished);
        const record = state === 'completed' ? doneRecord(job) : failedRecord(job);
        const key = outputPathOf(job.data);
        const seen = latest.get(key);
        if (!seen || seen.finished <= finished) latest.set(key, { finished, record });
      }
      if (jobs.length < PAGE) break;
    }
  }
  const raw = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
  const notStarted = Object.values(raw).reduce((a, b) => a + b, 0);
  const records = [...latest.values()].map((v) => v.record);
  return { records, notStarted, seconds: last > first ? Math.round(last - first) / 1000 : 0 };
}

export function queueSummary(records: readonly BatchRecord[], notStarted: number, seconds: number): BatchSummary {
  return summarize({ records: [...records], notStarted, interruptedInputs: 0, interrupted: false, stoppedBy: null, seconds }, records.length + notStarted);
}

function doneRecord(job: ConversionJob): BatchRecord {
  const r = job.returnvalue;
  return {
    path: inputPathOf(job.data), name: job.data.input, status: r?.status ?? 'converted', reason: null, code: null, warnings: r?.warnings ?? [],
    output: outputPathOf(job.data), seconds: r?.seconds ?? 0, pages: r?.pages ?? 0, pagesOcr: r?.pagesOcr ?? 0,
  };
}

function failedRecord(job: ConversionJob): BatchRecord {
  const { code, reason } = decodeFailure(job.failedReason);
  return {
    path: inputPathOf(job.data), name: job.data.input, status: 'failed', reason, code, warnings: [],
    output: null, seconds: job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : 0, pages: 0, pagesOcr: 0,
  };
}
