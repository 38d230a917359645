// One PDF reader process seen from protokoll: sends a request, and kills the process when it runs over its time or memory.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OVER_MEMORY_MARK, REPLY_MARK, type PdfCall, type PdfReply } from './protocol.js';

/**
 * The compiled entry of the reader process. Run from the TypeScript sources (tests), there is no compiled file
 * beside this one, and the build's is used (`npm test` builds first).
 */
function entry(): string {
  const here = fileURLToPath(new URL('./process.js', import.meta.url));
  if (fs.existsSync(here)) return here;
  const built = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/input/pdf-reader/process.js');
  if (fs.existsSync(built)) return built;
  throw new Error(`the PDF reader is not built (${built} is missing); run \`npm run build\``);
}

/** Why a request ended without a reply. */
export type StopReason = 'timeout' | 'memory' | 'crash' | 'killed';

export class ReaderStopped extends Error {
  /** How long the request ran in the ready process before it was stopped. */
  elapsedMs = 0;

  constructor(readonly reason: StopReason, message: string) {
    super(message);
    this.name = 'ReaderStopped';
  }
}

export interface Answer {
  reply: PdfReply;
  /** What the process printed on stderr while answering (V8's own messages, such as stack overflows). */
  stderr: string;
  /**
   * How long the request took: the reader's own working time, never more than the time since the ready process
   * was sent it. A reply that waited in the pipe while protokoll's thread was busy (a long text conversion
   * beside the PDF) is not charged for that wait.
   */
  elapsedMs: number;
}

interface Pending {
  id: number;
  /** When the request went to the ready process (null while it waits for the process to start). */
  sentAt: number | null;
  reply: PdfReply | null;
  marked: boolean;
  resolve: (answer: Answer) => void;
  reject: (error: ReaderStopped) => void;
  timers: NodeJS.Timeout[];
}

/** Every live reader process, so that an exiting protokoll takes them along, whatever the path to its exit. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

const STDERR_KEEP = 64 * 1024;
const MEMORY_POLL_MS = 200;
/** A timer this late means protokoll's thread was blocked; replies that arrived meanwhile get this long to be read. */
const LATE_TIMER_MS = 1000;
/** A reader that has not loaded pdf.js after this long (a machine out of memory or swapping) is given up. */
const START_TIMEOUT_MS = 60_000;

export interface ReaderProcessOptions {
  /** Resident memory above which the process is killed. */
  memoryMb: number;
}

export class ReaderProcess {
  private readonly child: ChildProcess;
  private pending: Pending | null = null;
  private nextId = 1;
  private stderr = '';
  private stopReason: StopReason | null = null;
  /** Resolves when the process has loaded pdf.js and takes requests. */
  private readonly started: Promise<void>;
  private markStarted: () => void = () => undefined;
  private isStarted = false;
  /** Documents opened in this process (a long-lived process is replaced now and then). */
  documents = 0;
  readonly exited: Promise<void>;

  constructor(private readonly options: ReaderProcessOptions) {
    // The reader also watches its own memory (see process.ts): protokoll's watch stops while its thread is busy.
    this.child = fork(entry(), [String(options.memoryMb)], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // The JS heap gets a limit of its own below the process limit, so most blow-ups end as a clean V8 failure.
      execArgv: [`--max-old-space-size=${Math.max(64, Math.floor(options.memoryMb * 0.75))}`],
    });
    live.add(this.child);
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => this.onStderr(text));
    this.started = new Promise((resolve) => { this.markStarted = resolve; });
    this.child.on('message', (message: PdfReply | { ready: true }) => {
      if ('ready' in message) {
        this.isStarted = true;
        this.markStarted();
      }
      else this.onReply(message);
    });
    this.child.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => {
      live.delete(this.child);
      this.onExit(code, signal);
      resolve();
    }));
    this.idle();
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.stopReason === null;
  }

  /**
   * Sends one request; rejects with ReaderStopped when the process is killed or dies before answering. The time
   * limit counts from when the process is ready, so a reader's own start is never charged to a document.
   */
  request(call: PdfCall, limitMs: number): Promise<Answer> {
    if (this.pending) return Promise.reject(new Error('the PDF reader is busy'));
    if (!this.alive) return Promise.reject(new ReaderStopped('killed', 'the PDF reader has stopped'));
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const pending: Pending = { id, sentAt: null, reply: null, marked: false, resolve, reject, timers: [] };
      this.pending = pending;
      this.busy();
      this.stderr = '';
      const bootDue = performance.now() + START_TIMEOUT_MS;
      const boot = setTimeout(() => this.stopLate(bootDue, () => !this.isStarted && this.pending === pending, 'crash'), START_TIMEOUT_MS);
      pending.timers.push(boot);
      void this.started.then(() => {
        clearTimeout(boot);
        if (this.pending !== pending) return;
        pending.sentAt = performance.now();
        const due = pending.sentAt + Math.max(1, limitMs);
        pending.timers.push(setTimeout(() => this.stopLate(due, () => this.pending === pending && !pending.reply, 'timeout'), Math.max(1, limitMs)));
        pending.timers.push(setInterval(() => {
          if (rssMb(this.child.pid) > this.options.memoryMb) this.stop('memory');
        }, MEMORY_POLL_MS));
        this.child.send({ id, call }, (error) => {
          if (error) this.stop('crash');
        });
      });
    });
  }

  /** Ends the process at once (SIGKILL: a page loop would never see a gentler signal). */
  kill(): void {
    this.stop('killed');
  }

  /**
   * A timer that ran out while protokoll's own thread was busy (a long text conversion) fires before the I/O that
   * waited with it: the answer may already sit in the pipe. The process is stopped only if, once that I/O had its
   * turn (after setImmediate; a second more when the timer came late, for a large reply read in several parts),
   * the request is still open.
   */
  private stopLate(due: number, open: () => boolean, reason: StopReason): void {
    const late = performance.now() - due > LATE_TIMER_MS;
    const check = () => { if (open()) this.stop(reason); };
    if (late) setTimeout(check, LATE_TIMER_MS);
    else setImmediate(check);
  }

  private stop(reason: StopReason): void {
    this.stopReason ??= reason;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    // Referenced until it is gone, so that whoever awaits `exited` sees it.
    this.child.ref();
    this.child.kill('SIGKILL');
  }

  private onStderr(text: string): void {
    this.stderr = (this.stderr + text).slice(-STDERR_KEEP);
    const pending = this.pending;
    if (pending && this.stderr.includes(`${REPLY_MARK}${pending.id}\n`)) {
      pending.marked = true;
      this.settle();
    }
  }

  private onReply(reply: PdfReply): void {
    const pending = this.pending;
    if (!pending || reply.id !== pending.id) return;
    pending.reply = reply;
    this.settle();
  }

  /** A request is answered when both its reply and its stderr mark have arrived, so its stderr is complete. */
  private settle(): void {
    const pending = this.pending;
    if (!pending?.reply || !pending.marked) return;
    const stderr = this.stderr.slice(0, this.stderr.indexOf(`${REPLY_MARK}${pending.id}\n`));
    this.stderr = '';
    this.finish();
    pending.resolve({ reply: pending.reply, stderr, elapsedMs: Math.min(elapsed(pending), pending.reply.workMs) });
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const pending = this.pending;
    if (!pending) return;
    this.finish();
    // V8 ends a process whose heap is exhausted with this message and SIGABRT (or SIGTRAP).
    // The reader's own watch says OVER_MEMORY_MARK before it ends itself.
    const heap = /heap out of memory|Allocation failed|Invalid array buffer length|ERR_MEMORY_ALLOCATION_FAILED/i.test(this.stderr) || this.stderr.includes(OVER_MEMORY_MARK);
    const reason: StopReason = this.stopReason ?? (heap ? 'memory' : 'crash');
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const message = reason === 'timeout' ? 'the PDF reader ran over its time limit'
      : reason === 'memory' ? `the PDF reader needed more than ${this.options.memoryMb} MB of memory`
        : reason === 'killed' ? 'the PDF reader was stopped'
          : `the PDF reader stopped unexpectedly (${how})`;
    const stopped = new ReaderStopped(reason, message);
    stopped.elapsedMs = elapsed(pending);
    pending.reject(stopped);
  }

  private finish(): void {
    for (const timer of this.pending?.timers ?? []) clearTimeout(timer);
    this.pending = null;
    this.idle();
  }

  /** While a request runs, the process keeps protokoll alive; an idle one does not. */
  private busy(): void {
    this.child.ref();
    this.child.channel?.ref();
    (this.child.stderr as { ref?: () => void } | null)?.ref?.();
  }

  private idle(): void {
    this.child.unref();
    this.child.channel?.unref();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }
}

const elapsed = (pending: Pending): number => (pending.sentAt === null ? 0 : performance.now() - pending.sentAt);

/** Resident memory of a process in MB from /proc (Linux); 0 elsewhere, where the heap limit alone applies. */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
