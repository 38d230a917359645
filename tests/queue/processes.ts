// Runs the real CLI as child processes for queue tests: one-off commands, and workers that can be signalled or killed.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(repo, 'bin/protokoll.js');

export interface Finished { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface RunningWorker {
  child: ChildProcess;
  pid: number;
  stderr: () => string;
  exited: Promise<Finished>;
}

export function startWorker(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningWorker {
  const child = spawn(process.execPath, [bin, 'worker', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, pid: child.pid!, stderr: () => stderr, exited };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Inputs each worker reported as converted (`converted <input> → …` lines). */
export function convertedBy(stderr: string): string[] {
  return [...stderr.matchAll(/^converted (\S+) → /gm)].map((m) => m[1]!);
}
