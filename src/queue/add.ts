// `queue add` as a library call: hashes each input, skips what is done or already queued, and enqueues the rest in bulk.
import path from 'node:path';
import { forEachLimited } from '../batch/pool.js';
import { isUpToDate } from '../batch/skip.js';
import { ProtokollError } from '../errors.js';
import { sha256File } from '../input/hash.js';
import { JOB_NAME, jobIdFor, type ConversionSettings, type QueueJobData } from './job.js';
import type { ConversionQueue } from './open.js';

/** One input and where its output goes, both absolute. */
export interface PlannedInput {
  input: string;
  inputRoot: string;
  output: string;
}

export interface EnqueueOptions {
  outputRoot: string;
  settings: ConversionSettings;
  /** Queue even inputs whose output is up to date, as new jobs. */
  force?: boolean;
  /** Tries for a job whose failure may pass (a full disk, a worker's OCR engine); a bad input is tried once. */
  attempts: number;
  /** Wait before the first retry, doubling for each further one. */
  backoffSeconds: number;
  /** Files hashed at the same time. */
  hashJobs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EnqueueResult {
  added: number;
  /** Jobs already in the queue under the same id: waiting, running, retrying or failed (done ones whose output is up to date count as upToDate). */
  alreadyQueued: number;
  /** Outputs that already record this input's sha256 and schema version. */
  upToDate: number;
  /** Done before, but the output has since gone missing or changed: queued again (included in `added`). */
  redone: number;
  failed: { path: string; code: string; reason: string }[];
}

/** Big enough for addBulk to pay off, small enough that progress moves and memory stays flat. */
const CHUNK = 500;

export async function enqueue(queue: ConversionQueue, inputs: readonly PlannedInput[], options: EnqueueOptions): Promise<EnqueueResult> {
  const result: EnqueueResult = { added: 0, alreadyQueued: 0, upToDate: 0, redone: 0, failed: [] };
  const forceToken = options.force ? Date.now().toString(36) : '';
  const client = await queue.getBackend().client;
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const chunk = inputs.slice(start, start + CHUNK);
    const jobs: { id: string; data: QueueJobData }[] = [];
    await forEachLimited(chunk, options.hashJobs ?? 4, async (planned) => {
      try {
        const { sha256 } = await sha256File(planned.input);
        if (!options.force && (await isUpToDate(planned.output, sha256))) {
          result.upToDate++;
          return;
        }
        const data: QueueJobData = {
          inputRoot: planned.inputRoot,
          input: path.relative(planned.inputRoot, planned.input),
          outputRoot: options.outputRoot,
          output: path.relative(options.outputRoot, planned.output),
          sha256,
          settings: options.settings,
          force: Boolean(options.force),
        };
        jobs.push({ id: jobIdFor(data, forceToken), data });
      } catch (error) {
        if (!(error instanceof ProtokollError)) throw error;
        result.failed.push({ path: planned.input, code: error.code, reason: error.message });
      }
    });
    // Counted before adding, so the numbers say what this call changed; adding by id stays a no-op either way.
    const check = client.pipeline();
    for (const job of jobs) check.runCommand('exists', [queue.toKey(job.id)]);
    const exists = (await check.exec()) ?? [];
    const fresh: typeof jobs = [];
    for (const [i, job] of jobs.entries()) {
      if (Number(exists[i]?.[1] ?? 0) === 0) fresh.push(job);
      // Done, but its output is gone or out of date (someone deleted it): the record is stale, the work is not done.
      else if ((await queue.getJobState(job.id)) === 'completed' && (await queue.remove(job.id)) === 1) {
        fresh.push(job);
        result.redone++;
      } else result.alreadyQueued++;
    }
    if (fresh.length) {
      await queue.addBulk(fresh.map((job) => ({
        name: JOB_NAME,
        data: job.data,
        opts: {
          jobId: job.id,
          attempts: options.attempts,
          backoff: { type: 'exponential', delay: options.backoffSeconds * 1000 },
          // Kept: `queue status --report` lists them, and re-adding finds them. `queue clear --completed` frees the memory.
          removeOnComplete: false,
          removeOnFail: false,
        },
      })));
      result.added += fresh.length;
    }
    options.onProgress?.(Math.min(start + CHUNK, inputs.length), inputs.length);
  }
  return result;
}
