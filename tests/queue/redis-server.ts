// Starts a real redis-server for a test on a free loopback port, without persistence, and stops it; says why when it cannot.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Null when redis-server can be run, else why not (the tests that need it are skipped with this reason). */
export const redisMissing: string | null = (() => {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)';
  return null;
})();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  port: number;
  url: string;
  /** The folder Redis would write a snapshot to (only SHUTDOWN SAVE does: automatic saving is off). */
  dir: string;
  /** Saves a snapshot and stops: what a planned restart does. */
  shutdownSave(): Promise<void>;
  /** Starts again on the same port and folder, loading the snapshot. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(extraArgs: readonly string[] = [], options: { tlsPort?: boolean } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-redis-'));
  let child: ChildProcess | null = null;
  const portArgs = options.tlsPort ? ['--port', '0', '--tls-port', String(port)] : ['--port', String(port)];
  const launch = async (): Promise<void> => {
    child = spawn('redis-server', [...portArgs, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => { log += s; });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => { log += s; });
    const deadline = Date.now() + 10_000;
    while (!/Ready to accept connections/.test(log)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start: ${log.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const exited = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => c.once('exit', () => resolve()));
  };
  await launch();
  return {
    port,
    url: `${options.tlsPort ? 'rediss' : 'redis'}://127.0.0.1:${port}`,
    dir,
    async shutdownSave() {
      const done = exited();
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'save']);
      await done;
    },
    restart: launch,
    async stop() {
      const done = exited();
      child?.kill('SIGTERM');
      await done;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
