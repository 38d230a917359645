// `protokoll queue add|status|retry-failed|clear`: fills and inspects a conversion queue in Redis that workers on many machines share.
import { Command, Option } from 'commander';
import type { OcrMode } from '../ocr/documents.js';
import { parseRedisUrl, redisUrlFrom, type RedisTarget } from '../queue/connection.js';
import { DEFAULT_QUEUE } from '../queue/defaults.js';
import type { ConversionSettings } from '../queue/job.js';
import { langOption, positiveInt } from './conversion-options.js';
import type { Io } from './io.js';

export interface QueueCliOptions { redis?: string; queue: string }

export interface AddCliOptions extends QueueCliOptions {
  out: string;
  format: ConversionSettings['format'];
  ocr: OcrMode;
  lang: string;
  pageTimeout: number;
  repair: boolean;
  force?: boolean;
  attempts: number;
  backoff: number;
  quiet?: boolean;
}

export interface StatusCliOptions extends QueueCliOptions { report?: string; json?: boolean }
export interface RetryCliOptions extends QueueCliOptions { code?: string }
export interface ClearCliOptions extends QueueCliOptions { completed?: boolean; failed?: boolean; force?: boolean }

/** --redis and --queue on every queue command; the URL may also come from REDIS_URL (kept out of `ps` listings). */
export function withQueueOptions(cmd: Command): Command {
  return cmd
    .option('--redis <url>', 'Redis URL: redis://[user:password@]host[:port][/db], rediss:// for TLS (default: $REDIS_URL, else redis://127.0.0.1:6379)')
    .option('--queue <name>', 'queue name (several archives can share one Redis under different names)', DEFAULT_QUEUE);
}

export function redisTarget(opts: QueueCliOptions): RedisTarget {
  return parseRedisUrl(redisUrlFrom(opts.redis));
}

/** Loaded only when a queue command runs, so other commands do not pay for loading BullMQ and ioredis. */
const run = () => import('./queue-run.js');

export function queueCommand(io: Io, setExit: (code: number) => void): Command {
  const queue = new Command('queue').description('fill and watch a conversion queue in Redis, for workers on many machines (see `protokoll worker`)');
  queue.addCommand(withQueueOptions(new Command('add'))
    .description('walk inputs like convert and queue one job per file (nothing already queued, done or up to date is added again)')
    .argument('<inputs...>', 'files or folders, on a path every worker can read')
    .requiredOption('-o, --out <dir>', 'output folder, on a path every worker can write')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'yaml']).default('json'))
    .addOption(new Option('--ocr <mode>', 'when to read pages by OCR').choices(['auto', 'always', 'never']).default('auto'))
    .option('--lang <codes>', 'OCR language: swe, eng or swe+eng', langOption, 'swe')
    .option('--page-timeout <seconds>', 'give up OCR of one page after this long, with a warning', positiveInt, 120)
    .option('--no-repair', 'do not restore lost diacritics or undo OCR confusions')
    .option('--force', 'queue inputs again even when their output is up to date')
    .option('--attempts <n>', 'tries for a failure that may pass (full disk, OCR engine); a bad input is tried once', positiveInt, 5)
    .option('--backoff <seconds>', 'wait before the first retry, doubled for each further one', positiveInt, 30)
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
Paths are stored absolute, as this machine sees them; workers must see the same
paths (mount the share at the same place, or give workers --path-map). Each job
is identified by the input's sha256, the output path, the options and the schema
version, so running the same add again only adds what changed.

Example:
  $ export REDIS_URL=redis://:secret@redis.example:6379
  $ protokoll queue add /archive/in -o /archive/out --queue archive`)
    .action(async (inputs: string[], opts: AddCliOptions) => setExit(await (await run()).runQueueAdd(inputs, opts, io))));
  queue.addCommand(withQueueOptions(new Command('status'))
    .description('waiting, running, done and failed jobs (with reasons), pages per minute and time left')
    .option('--report <file.json>', 'also write the batch report (same shape as convert --report) for every finished input')
    .option('--json', 'print the status as JSON on stdout')
    .action(async (opts: StatusCliOptions) => setExit(await (await run()).runQueueStatus(opts, io))));
  queue.addCommand(withQueueOptions(new Command('retry-failed'))
    .description('queue failed jobs again, with a fresh set of attempts')
    .option('--code <code>', 'only failures with this code (e.g. output-failed after freeing disk space)')
    .action(async (opts: RetryCliOptions) => setExit(await (await run()).runRetryFailed(opts, io))));
  queue.addCommand(withQueueOptions(new Command('clear'))
    .description('remove the whole queue, or only the records of done (--completed) or failed (--failed) jobs')
    .option('--completed', 'only forget done jobs (frees Redis memory; re-adding still skips up-to-date outputs)')
    .option('--failed', 'only forget failed jobs')
    .option('--force', 'remove the queue even while jobs are being converted')
    .action(async (opts: ClearCliOptions) => setExit(await (await run()).runClear(opts, io))));
  return queue;
}
