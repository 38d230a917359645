// The queue commands' work (loaded only when a queue command runs, so other commands do not pay for BullMQ and ioredis).
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeReport } from '../batch/report.js';
import { formatDuration, formatSummary } from '../batch/summary.js';
import { expandInputs, type InputFile } from '../batch/walk.js';
import { UsageError } from '../errors.js';
import { clearFinished, clearQueue, retryFailed } from '../queue/admin.js';
import { enqueue, type PlannedInput } from '../queue/add.js';
import type { RedisTarget } from '../queue/connection.js';
import type { ConversionSettings } from '../queue/job.js';
import { openQueue, type ConversionQueue } from '../queue/open.js';
import { queueRecords, queueStatus, queueSummary, type QueueStatus } from '../queue/status.js';
import { outputPaths } from '../batch/naming.js';
import { errorLine, type Io } from './io.js';
import { redisTarget, type AddCliOptions, type ClearCliOptions, type QueueCliOptions, type RetryCliOptions, type StatusCliOptions } from './queue.js';

async function withQueue<T>(opts: QueueCliOptions, use: (queue: ConversionQueue, target: RedisTarget) => Promise<T>): Promise<T> {
  const target = redisTarget(opts);
  const queue = await openQueue(target, opts.queue);
  try {
    return await use(queue, target);
  } finally {
    await queue.close().catch(() => undefined);
  }
}

// ---- queue add ----

export async function runQueueAdd(inputs: readonly string[], opts: AddCliOptions, io: Io): Promise<number> {
  const target = redisTarget(opts);
  const { files, problems } = await expandInputs(inputs);
  for (const p of problems) io.err(errorLine(p.path, p.message));
  const outDir = path.resolve(opts.out);
  const { planned, refused } = plan(files, outDir, opts.format);
  for (const r of refused) io.err(errorLine(r.path, r.reason));
  if (planned.length === 0) {
    if (!problems.length && !refused.length) io.err(errorLine(null, 'no convertible files found (PDF, image, .txt or .md)'));
    return 1;
  }
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (error) {
    io.err(errorLine(outDir, `cannot use as output folder: ${(error as Error).message}`));
    return 1;
  }
  const queue = await openQueue(target, opts.queue);
  try {
    let lastLine = Date.now();
    const result = await enqueue(queue, planned, {
      outputRoot: outDir,
      settings: { format: opts.format, ocr: opts.ocr, lang: opts.lang, pageTimeoutSeconds: opts.pageTimeout, repair: opts.repair },
      force: opts.force,
      attempts: opts.attempts,
      backoffSeconds: opts.backoff,
      onProgress: (done, total) => {
        // Hashing a large archive takes a while: a line every 10 s says how far it got.
        if (opts.quiet || Date.now() - lastLine < 10_000 || done === total) return;
        lastLine = Date.now();
        io.err(`protokoll: ${done}/${total} files checked\n`);
      },
    });
    for (const f of result.failed) io.err(errorLine(f.path, f.reason));
    if (!opts.quiet) {
      io.err(`protokoll: queue "${opts.queue}" at ${target.display}: ${result.added} added${result.redone ? ` (${result.redone} done before, but the output is gone or changed)` : ''}, ${result.alreadyQueued} already queued, ${result.upToDate} up to date`
        + `${result.failed.length + refused.length ? `, ${result.failed.length + refused.length} refused` : ''}\n`);
    }
    return problems.length || refused.length || result.failed.length ? 1 : 0;
  } finally {
    await queue.close().catch(() => undefined);
  }
}

/** Absolute input and output paths as every worker will see them, refusing two inputs that would share an output. */
function plan(files: readonly InputFile[], outDir: string, format: ConversionSettings['format']): { planned: PlannedInput[]; refused: { path: string; reason: string }[] } {
  const planned: PlannedInput[] = [];
  const refused: { path: string; reason: string }[] = [];
  const owner = new Map<string, string>();
  // The naming rule of convert, over the whole walk, so a queued archive's outputs are named as a batch's would be.
  const names = outputPaths(outDir, files, format);
  for (const f of files) {
    if (f.path === '-') {
      refused.push({ path: '-', reason: 'standard input cannot be queued: workers read inputs from a shared folder' });
      continue;
    }
    const input = path.resolve(f.path);
    const output = path.resolve(names.get(f)!);
    const first = owner.get(output);
    if (first) {
      refused.push({ path: f.path, reason: `its output ${output} is already the output of ${first}` });
      continue;
    }
    owner.set(output, f.path);
    // The folder it was found under (what workers must mount), or its own folder when named directly.
    const inputRoot = input.endsWith(path.sep + f.relative) ? input.slice(0, -(f.relative.length + 1)) || path.sep : path.dirname(input);
    planned.push({ input, inputRoot, output });
  }
  return { planned, refused };
}

// ---- queue status ----

export async function runQueueStatus(opts: StatusCliOptions, io: Io): Promise<number> {
  return withQueue(opts, async (queue, target) => {
    const status = await queueStatus(queue);
    if (opts.json) io.out(JSON.stringify(status, null, 2) + '\n');
    else io.out(formatStatus(status, opts.queue, target.display, io.color));
    if (opts.report) {
      const { records, notStarted, seconds } = await queueRecords(queue);
      const summary = queueSummary(records, notStarted, seconds);
      try {
        await writeReport(opts.report, summary, records);
      } catch (error) {
        io.err(errorLine(opts.report, (error as Error).message));
        return 1;
      }
      if (!opts.json) io.err(formatSummary(summary, io.color));
    }
    return 0;
  });
}

export function formatStatus(s: QueueStatus, name: string, display: string, color: Io['color']): string {
  const row = (label: string, value: string): string => `  ${label.padEnd(12)} ${value}\n`;
  let out = `queue "${name}" at ${display} · ${s.workers} worker connection${s.workers === 1 ? '' : 's'}\n`;
  out += row('waiting', String(s.counts.waiting));
  out += row('running', String(s.counts.active));
  out += row('retrying', `${s.counts.delayed}${s.counts.delayed ? ' (waiting to try again after a failure that may pass)' : ''}`);
  out += row('done', color.green(String(s.counts.completed)));
  out += row('failed', s.counts.failed ? color.red(String(s.counts.failed)) : '0');
  for (const f of s.failures) out += `    ${f.path}: [${f.code}] ${f.reason}\n`;
  if (s.counts.failed > s.failures.length) out += `    … and ${s.counts.failed - s.failures.length} more (queue status --report lists them all)\n`;
  const minutes = Math.round(s.windowSeconds / 60);
  out += row('throughput', s.pagesPerMinute === null ? `nothing finished in the last ${minutes} min`
    : `${s.pagesPerMinute.toFixed(1)} pages/min, ${s.documentsPerMinute!.toFixed(1)} documents/min (last ${minutes} min)`);
  out += row('time left', s.secondsLeft === null ? '?' : s.secondsLeft === 0 ? 'none (queue empty)' : `~${formatDuration(s.secondsLeft)}`);
  return out;
}

// ---- retry-failed, clear ----

export async function runRetryFailed(opts: RetryCliOptions, io: Io): Promise<number> {
  return withQueue(opts, async (queue) => {
    const n = await retryFailed(queue, { code: opts.code });
    io.err(`protokoll: ${n} failed job${n === 1 ? '' : 's'}${opts.code ? ` with code ${opts.code}` : ''} queued again\n`);
    return 0;
  });
}

export async function runClear(opts: ClearCliOptions, io: Io): Promise<number> {
  if (opts.completed && opts.failed) throw new UsageError('usage', 'give --completed or --failed, not both (without either, the whole queue is removed)');
  return withQueue(opts, async (queue) => {
    if (opts.completed || opts.failed) {
      const which = opts.completed ? 'completed' : 'failed';
      const n = await clearFinished(queue, which);
      io.err(`protokoll: removed the records of ${n} ${which === 'completed' ? 'done' : 'failed'} job${n === 1 ? '' : 's'}\n`);
    } else {
      await clearQueue(queue, { force: opts.force });
      io.err(`protokoll: queue "${opts.queue}" removed\n`);
    }
    return 0;
  });
}

