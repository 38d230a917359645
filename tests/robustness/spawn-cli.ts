// Runs the built CLI as a real process (signals and stderr are the point), sampling its memory with its children's.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/protokoll.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the CLI and all its descendants together, in MB (0 where /proc is missing). */
  peakMb: number;
  /** Every process that ran under the CLI (PDF readers, OCR is in threads), for checking that none is left. */
  descendants: number[];
  /** True when the test's own watchdog had to kill the run. */
  hung: boolean;
}

export interface CliOptions {
  /** The run is killed (and `hung` set) after this long. */
  watchdogMs?: number;
  /** Called with the child process once it runs, and after every sample (to send a signal at the right moment). */
  onSample?: (state: { pid: number; elapsedMs: number; descendants: number[]; stderr: string }) => void;
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => {
      try {
        return fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

function treeOf(pid: number): number[] {
  const all: number[] = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    all.push(p);
    todo.push(...childrenOf(p));
  }
  return all;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Whether a process still runs (a zombie waiting for its new parent to reap it does not). */
export function alive(pid: number): boolean {
  try {
    return !/^State:\s+[ZX]/m.test(fs.readFileSync(`/proc/${pid}/status`, 'latin1'));
  } catch {
    try {
      process.kill(pid, 0);
      return !fs.existsSync('/proc/self');
    } catch {
      return false;
    }
  }
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  if (!fs.existsSync(path.join(repo, 'dist/cli/main.js'))) throw new Error('run `npm run build` first');
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let peakMb = 0;
  let hung = false;
  const seen = new Set<number>();
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    const tree = treeOf(child.pid);
    for (const p of tree) if (p !== child.pid) seen.add(p);
    peakMb = Math.max(peakMb, tree.reduce((sum, p) => sum + rssMb(p), 0));
    options.onSample?.({ pid: child.pid, elapsedMs: performance.now() - started, descendants: [...seen], stderr });
  }, 25);
  const watchdog = setTimeout(() => {
    hung = true;
    for (const p of child.pid ? treeOf(child.pid) : []) try { process.kill(p, 'SIGKILL'); } catch { /* gone */ }
  }, options.watchdogMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(watchdog);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000, peakMb, descendants: [...seen], hung });
    });
  });
}
