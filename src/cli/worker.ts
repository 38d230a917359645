// `protokoll worker`: converts jobs from a Redis queue until stopped; SIGTERM/SIGINT let running jobs finish or hand them back.
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_LOCK_MS } from '../queue/defaults.js';
import { parsePathMapping, type PathMapping } from '../queue/path-map.js';
import { positiveInt } from './conversion-options.js';
import type { Io } from './io.js';
import { withQueueOptions } from './queue.js';

export interface WorkerCliOptions {
  redis?: string;
  queue: string;
  jobs?: number;
  password?: string;
  pathMap: PathMapping[];
  grace: number;
  lockDuration?: number;
  exitWhenIdle?: boolean;
  quiet?: boolean;
}

/** What the worker needs from the entry point: to handle SIGTERM/SIGINT itself, with a grace period. */
export interface WorkerDeps {
  /** Tells the entry point that this command stops gracefully on signals by itself (no forced exit after 2 s). */
  ownSignals?: () => void;
  /** Where signals come from (tests pass an emitter). */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
  now?: () => number;
}

function pathMapOption(value: string, previous: PathMapping[]): PathMapping[] {
  try {
    return [...previous, parsePathMapping(value)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function workerCommand(io: Io, setExit: (code: number) => void, deps: WorkerDeps = {}): Command {
  return withQueueOptions(new Command('worker'))
    .description('convert jobs from a Redis queue (filled by `protokoll queue add`) until stopped')
    .option('-j, --jobs <n>', 'jobs converted at the same time, and OCR threads (default: the number of cores)', positiveInt)
    .option('--password <password>', 'password for encrypted PDFs (kept on the worker, never stored in Redis)')
    .option('--path-map <from=to>', 'read and write FROM/… as TO/… (this machine mounts the share elsewhere); repeatable', pathMapOption, [])
    .option('--grace <seconds>', 'on SIGTERM/SIGINT, how long running jobs may finish before they are handed back', (v) => nonNegativeInt(v), 25)
    .option('--lock-duration <seconds>', `how soon another worker takes over the jobs of a worker that died (default: ${DEFAULT_LOCK_MS / 1000})`, positiveInt)
    .option('--exit-when-idle', 'stop once no job is waiting, retrying or running anywhere in the queue')
    .option('-q, --quiet', 'print only errors (no line per job, no start and stop lines)')
    .addHelpText('after', `
Every worker must see the input and output folders under the paths \`queue add\`
stored (or map them with --path-map). Outputs are written atomically, with the
same up-to-date check as a batch rerun. A bad input fails its job once with its
reason and code; a failure that may pass (full disk, a worker killed, Redis gone
for a while) is retried with backoff. A worker that dies mid-job has its job
taken over by another after --lock-duration seconds.

SIGTERM or SIGINT: no new jobs; running jobs get --grace seconds, then go back
to the queue; a second signal hands them back at once. Exit code 0 after SIGTERM
or --exit-when-idle, 130 after SIGINT, 1 when this machine cannot see the shared
folders.

Examples:
  $ REDIS_URL=redis://:secret@redis.example:6379 protokoll worker --queue archive --jobs 4
  $ protokoll worker --path-map /archive=/mnt/archive --exit-when-idle`)
    // Loaded only when a worker runs, so other commands do not pay for loading BullMQ and ioredis.
    .action(async (opts: WorkerCliOptions) => setExit(await (await import('./worker-run.js')).runWorker(opts, io, deps)));
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of seconds (0 or more)');
  return n;
}
