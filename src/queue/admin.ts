// Operator actions on a queue: send failed jobs round again, drop finished records, or remove the queue altogether.
import type { Job } from 'bullmq';
import { QueueError } from '../errors.js';
import { decodeFailure } from './failure.js';
import type { QueueJobData, QueueJobResult } from './job.js';
import type { ConversionQueue } from './open.js';

const PAGE = 1000;

/** Retries failed jobs (only those with `code`, when given) with a fresh set of attempts; returns how many. */
export async function retryFailed(queue: ConversionQueue, options: { code?: string } = {}): Promise<number> {
  // Collected first: retrying takes jobs out of the failed set, which would shift the pages being read.
  const chosen: Job<QueueJobData, QueueJobResult>[] = [];
  for (let start = 0; ; start += PAGE) {
    const jobs = (await queue.getFailed(start, start + PAGE - 1)).filter(Boolean) as Job<QueueJobData, QueueJobResult>[];
    for (const job of jobs) if (!options.code || decodeFailure(job.failedReason).code === options.code) chosen.push(job);
    if (jobs.length < PAGE) break;
  }
  for (const job of chosen) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  return chosen.length;
}

/** Removes the records of finished jobs (they take Redis memory); re-adding still skips outputs that are up to date. */
export async function clearFinished(queue: ConversionQueue, which: 'completed' | 'failed'): Promise<number> {
  return (await queue.clean(0, 0, which)).length;
}

/** Removes the queue and every job in it. Refuses while jobs are running unless forced (their workers would fail them). */
export async function clearQueue(queue: ConversionQueue, options: { force?: boolean } = {}): Promise<void> {
  const active = await queue.getActiveCount();
  if (active > 0 && !options.force) {
    throw new QueueError('queue-busy', `${active} job${active > 1 ? 's are' : ' is'} being converted: stop the workers first, or use --force`);
  }
  await queue.obliterate({ force: true });
}
