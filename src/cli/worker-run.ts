// The worker command's work: runs a ConversionWorker, prints a line per job, and turns signals into a graceful stop.
import os from 'node:os';
import { formatDuration } from '../batch/summary.js';
import { ConversionWorker, type StopReason, type WorkerEvent } from '../queue/worker.js';
import { errorLine, type Io } from './io.js';
import { redisTarget } from './queue.js';
import type { WorkerCliOptions, WorkerDeps } from './worker.js';

export const EXIT_SIGINT = 130;
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** The same error again within this long is counted, not printed (a Redis outage repeats its error every retry). */
const REPEAT_MS = 30_000;

export async function runWorker(opts: WorkerCliOptions, io: Io, deps: WorkerDeps = {}): Promise<number> {
  const target = redisTarget(opts);
  const now = deps.now ?? Date.now;
  const started = now();
  const tally = { converted: 0, skipped: 0, failed: 0, retrying: 0, pages: 0 };
  const say = (line: string): void => { if (!opts.quiet) io.err(line); };
  const errors = new Map<string, { at: number; repeats: number }>();
  const onEvent = (e: WorkerEvent): void => {
    switch (e.type) {
      case 'started':
        // What a worker is busy with shows in its log while it works (a scan can take minutes).
        say(`converting ${e.input}…\n`);
        break;
      case 'done':
        tally[e.result.status]++;
        tally.pages += e.result.pages;
        say(e.result.status === 'skipped'
          ? `skipped ${e.input} (up to date)\n`
          : `converted ${e.input} → ${e.output} (${e.result.pages} page${e.result.pages === 1 ? '' : 's'}, ${e.result.seconds.toFixed(1)} s)${e.result.changedSinceAdded ? ' — the input changed since it was queued; the output is of the current file' : ''}\n`);
        break;
      case 'failed':
        tally[e.retrying ? 'retrying' : 'failed']++;
        io.err(errorLine(e.path, `[${e.code ?? 'internal-error'}] ${e.reason}${e.retrying ? ' (will be retried)' : ''}`));
        break;
      case 'handed-back':
        say(`handed ${e.path} back to the queue\n`);
        break;
      case 'stalled':
        say(`job ${e.jobId} lost its worker (killed or stuck); queued again\n`);
        break;
      case 'error': {
        const seen = errors.get(e.message);
        if (seen && now() - seen.at < REPEAT_MS) {
          seen.repeats++;
          return;
        }
        const again = seen?.repeats ? ` (${seen.repeats} more times since)` : '';
        errors.set(e.message, { at: now(), repeats: 0 });
        const connection = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Connection is closed|connect/i.test(e.message);
        io.err(errorLine(null, `worker: ${connection ? 'Redis: ' : ''}${e.message}${again}${connection ? '; reconnecting' : ''}`));
        break;
      }
    }
  };
  const jobs = opts.jobs ?? os.availableParallelism();
  const worker = new ConversionWorker({
    target, queue: opts.queue, jobs, password: opts.password, pathMap: opts.pathMap,
    lockDurationMs: opts.lockDuration !== undefined ? opts.lockDuration * 1000 : undefined, exitWhenIdle: opts.exitWhenIdle,
  }, onEvent);

  // Signals are watched before connecting, so a worker stopped while it starts up still stops cleanly.
  deps.ownSignals?.();
  const signals = deps.signals ?? process;
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      say(`${signal} again: handing running jobs back now\n`);
      void worker.stop(0);
      return;
    }
    signalled = signal;
    const running = worker.active;
    say(`${signal}: stopping; ${running ? `waiting up to ${opts.grace} s for ${running} running job${running === 1 ? '' : 's'}, then handing ${running === 1 ? 'it' : 'them'} back (${signal} again: at once)` : 'no job running'}\n`);
    void worker.stop(opts.grace * 1000);
  };
  for (const s of STOP_SIGNALS) signals.on(s, onSignal);
  try {
    await worker.start();
    say(`worker ${worker.name}: taking jobs from queue "${opts.queue}" at ${target.display}, ${jobs} at a time${opts.exitWhenIdle ? ', until it is empty' : ''}\n`);
    if (signalled) void worker.stop(opts.grace * 1000);
    const reason: StopReason = await worker.stopped;
    say(`worker ${worker.name} stopped${reason === 'idle' ? ' (queue empty)' : ''} after ${formatDuration((now() - started) / 1000)}: `
      + `${tally.converted} converted, ${tally.skipped} skipped, ${tally.failed} failed, ${tally.retrying} to be retried, ${tally.pages} pages\n`);
    if (typeof reason === 'object') {
      io.err(errorLine(null, `worker: ${reason.unmounted}; stopped so that other workers take the jobs`));
      return 1;
    }
    return signalled === 'SIGINT' ? EXIT_SIGINT : 0;
  } finally {
    for (const s of STOP_SIGNALS) signals.off(s, onSignal);
    await worker.stop(0);
  }
}

