// A queue worker: takes conversion jobs from Redis, runs them like `convert`, and stops gracefully (finish, or hand back).
import os from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { OcrPool } from '../ocr/pool.js';
import { scrubSecrets, type RedisTarget } from './connection.js';
import { encodeFailure } from './failure.js';
import { inputPathOf, outputPathOf, type QueueJobData, type QueueJobResult } from './job.js';
import { DEFAULT_LOCK_MS, KEY_PREFIX } from './defaults.js';
import { openQueue, type ConversionQueue } from './open.js';
import { pathMapper, type PathMapping } from './path-map.js';
import { processJob, type ProcessContext } from './process.js';

export interface WorkerSettings {
  target: RedisTarget;
  queue: string;
  /** Jobs converted at the same time (and OCR threads). */
  jobs: number;
  password?: string;
  pathMap?: readonly PathMapping[];
  /**
   * How long a job stays claimed without a sign of life from its worker. A worker that dies (kill -9, a lost
   * machine) has its jobs taken over by another worker after about this long.
   */
  lockDurationMs?: number;
  /** Times a job may lose its worker before it is failed (a document that kills every worker it meets). */
  maxStalledCount?: number;
  /** Stop by itself once nothing is waiting, delayed or running anywhere in the queue. */
  exitWhenIdle?: boolean;
  name?: string;
}

export type WorkerEvent =
  | { type: 'started'; input: string }
  /** Paths as the adding machine saw them (what reports show). */
  | { type: 'done'; input: string; output: string; result: QueueJobResult }
  | { type: 'failed'; path: string; code: string | null; reason: string; retrying: boolean }
  | { type: 'handed-back'; path: string }
  | { type: 'stalled'; jobId: string }
  | { type: 'error'; message: string };

/** Why the worker stopped: asked to, queue empty (with exitWhenIdle), or the shared folders are not visible here. */
export type StopReason = 'requested' | 'idle' | { unmounted: string };

const IDLE_POLL_MS = 1_000;

export class ConversionWorker {
  readonly name: string;
  private worker: Worker<QueueJobData, QueueJobResult> | null = null;
  private counts: ConversionQueue | null = null;
  private readonly pools = new Map<string, OcrPool>();
  private readonly running = new Map<string, AbortController>();
  private readonly context: ProcessContext;
  private stopping: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private resolveStopped!: (reason: StopReason) => void;
  private stopReason: StopReason = 'requested';
  /** Resolves when the worker has stopped, with why. */
  readonly stopped: Promise<StopReason>;

  constructor(private readonly settings: WorkerSettings, private readonly onEvent: (event: WorkerEvent) => void = () => undefined) {
    this.name = settings.name ?? `${os.hostname()}:${process.pid}`;
    this.stopped = new Promise((resolve) => { this.resolveStopped = resolve; });
    this.context = {
      ocrPool: (lang) => {
        let pool = this.pools.get(lang);
        if (!pool) this.pools.set(lang, (pool = new OcrPool({ jobs: settings.jobs, lang })));
        return pool;
      },
      password: settings.password,
      mapPath: pathMapper(settings.pathMap ?? []),
    };
  }

  /** Connects (failing with a clear QueueError when Redis cannot be reached) and starts taking jobs. */
  async start(): Promise<void> {
    const { target } = this.settings;
    // Opened first with the impatient settings: a wrong URL or password fails now rather than retrying forever.
    await (await openQueue(target, this.settings.queue)).close();
    // Stopped while connecting: take no job at all.
    if (this.stopping) return;
    const lockDuration = this.settings.lockDurationMs ?? DEFAULT_LOCK_MS;
    const worker = new Worker<QueueJobData, QueueJobResult>(this.settings.queue, (job, token) => this.process(job, token), {
      // BullMQ names the connections itself (CLIENT SETNAME), which is how `queue status` counts workers.
      connection: target.worker,
      prefix: KEY_PREFIX,
      concurrency: this.settings.jobs,
      name: this.name,
      lockDuration,
      stalledInterval: Math.min(30_000, lockDuration),
      maxStalledCount: this.settings.maxStalledCount ?? 2,
      // Started below, once stop() can see it: a stop that comes first then closes it.
      autorun: false,
    });
    worker.on('error', (error) => this.onEvent({ type: 'error', message: scrubSecrets(error.message) }));
    worker.on('stalled', (jobId) => this.onEvent({ type: 'stalled', jobId }));
    this.worker = worker;
    worker.run().catch((error: Error) => this.onEvent({ type: 'error', message: scrubSecrets(error.message) }));
    await worker.waitUntilReady();
    if (this.settings.exitWhenIdle) {
      this.counts = await openQueue(target, this.settings.queue, target.worker);
      this.scheduleIdleCheck();
    }
  }

  /**
   * Stops taking jobs and lets running ones finish for up to `graceMs`; what is still running then is handed back to
   * the queue for another worker (nothing half-written stays: outputs are written atomically).
   */
  stop(graceMs: number, reason: StopReason = 'requested'): Promise<void> {
    if (this.stopping) {
      if (graceMs === 0) this.handBackAll();
      return this.stopping;
    }
    this.stopReason = reason;
    clearTimeout(this.idleTimer);
    this.stopping = (async () => {
      const timer = setTimeout(() => this.handBackAll(), graceMs);
      try {
        await this.worker?.close();
      } finally {
        clearTimeout(timer);
        await this.counts?.close().catch(() => undefined);
        await Promise.all([...this.pools.values()].map((p) => p.terminate()));
        this.resolveStopped(this.stopReason);
      }
    })();
    return this.stopping;
  }

  /** Jobs being converted right now. */
  get active(): number {
    return this.running.size;
  }

  private handBackAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  private async process(job: Job<QueueJobData, QueueJobResult>, token: string | undefined): Promise<QueueJobResult> {
    const controller = new AbortController();
    const id = job.id ?? '';
    this.running.set(id, controller);
    try {
      const attempt = { retried: (job.attemptsStarted ?? 1) > 1 || job.stalledCounter > 0, startedAt: new Date() };
      this.onEvent({ type: 'started', input: inputPathOf(job.data) });
      const outcome = await processJob(job.data, attempt, controller.signal, this.context);
      switch (outcome.kind) {
        case 'done':
          this.onEvent({ type: 'done', input: inputPathOf(job.data), output: outputPathOf(job.data), result: outcome.result });
          return outcome.result;
        case 'failed': {
          const retrying = !outcome.permanent && job.attemptsMade + 1 < (job.opts.attempts ?? 1);
          this.onEvent({ type: 'failed', path: inputPathOf(job.data), code: outcome.code, reason: outcome.reason, retrying });
          const message = encodeFailure(outcome.code, outcome.reason);
          throw outcome.permanent ? new UnrecoverableError(message) : new Error(message);
        }
        case 'unmounted':
          void this.stop(0, { unmounted: outcome.reason });
          return await this.handBack(job, token);
        case 'interrupted':
          return await this.handBack(job, token);
      }
    } finally {
      this.running.delete(id);
    }
  }

  /** Back to waiting at once (not after the lock runs out), without counting as a failed attempt. */
  private async handBack(job: Job<QueueJobData, QueueJobResult>, token: string | undefined): Promise<never> {
    await job.moveToWait(token);
    this.onEvent({ type: 'handed-back', path: inputPathOf(job.data) });
    throw new WaitingError();
  }

  private scheduleIdleCheck(): void {
    this.idleTimer = setTimeout(() => {
      void this.idleCheck();
    }, IDLE_POLL_MS);
  }

  private async idleCheck(): Promise<void> {
    if (this.stopping || !this.counts) return;
    try {
      const c = await this.counts.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(c).every((n) => n === 0) && this.running.size === 0) {
        void this.stop(0, 'idle');
        return;
      }
    } catch {
      // Redis away for a moment: ask again later.
    }
    if (!this.stopping) this.scheduleIdleCheck();
  }
}
