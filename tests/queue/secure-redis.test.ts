// rediss:// with a password against a real TLS redis-server: it works, and the password is never printed, even on failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutes, tempDir, writeTree } from '../batch/tree.js';
import { cli, startWorker } from './processes.js';
import { redisMissing, startRedis, type RedisServer } from './redis-server.js';

const SECRET = 'hunter2-correct-horse';
const opensslMissing = spawnSync('openssl', ['version']).status === 0 ? null : 'openssl is not installed (needed to make a test certificate)';
const missing = redisMissing ?? opensslMissing;
if (missing) console.warn(`TLS queue tests skipped: ${missing}`);

describe.skipIf(missing !== null)(`a Redis behind TLS and a password${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let redis: RedisServer;
  let dir: string;
  let trust: NodeJS.ProcessEnv;
  let url: string;

  beforeAll(async () => {
    dir = tempDir('protokoll-tls-');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    redis = await startRedis(['--tls-cert-file', path.join(dir, 'cert.pem'), '--tls-key-file', path.join(dir, 'key.pem'),
      '--tls-ca-cert-file', path.join(dir, 'cert.pem'), '--tls-auth-clients', 'no', '--requirepass', SECRET], { tlsPort: true });
    // Node's own setting for a private certificate authority.
    trust = { NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem') };
    url = `rediss://:${SECRET}@localhost:${redis.port}`;
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const shown = `rediss://:***@localhost`;

  it('queue add, a worker and queue status work over rediss:// with the password in REDIS_URL', async () => {
    const input = writeTree(path.join(dir, 'in'), { 'm.txt': minutes(7) });
    const env = { ...trust, REDIS_URL: url };
    const added = await cli(['queue', 'add', input, '-o', path.join(dir, 'out'), '--queue', 'tls'], env);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(`${shown}:${redis.port}: 1 added`);
    const worker = await startWorker(['--queue', 'tls', '--jobs', '1', '--exit-when-idle'], env).exited;
    expect(worker.code).toBe(0);
    expect(worker.stderr).toContain(`taking jobs from queue "tls" at ${shown}:${redis.port}`);
    expect(fs.existsSync(path.join(dir, 'out/m.json'))).toBe(true);
    const status = await cli(['queue', 'status', '--queue', 'tls', '--redis', url], trust);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/done\s+1/);
    for (const r of [added, worker, status]) expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('a wrong password, an untrusted certificate or plain redis:// fail in one line without the password', async () => {
    const wrong = `rediss://:wrong-${SECRET}@localhost:${redis.port}`;
    const cases = await Promise.all([
      cli(['queue', 'status', '--redis', wrong], trust),
      cli(['queue', 'add', dir, '-o', path.join(dir, 'out2')], { ...trust, REDIS_URL: wrong }),
      startWorker(['--redis', wrong], trust).exited,
      cli(['queue', 'status', '--redis', url]),
      cli(['queue', 'status', '--redis', url.replace('rediss:', 'redis:')]),
    ]);
    for (const r of cases) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^protokoll: cannot use Redis at redis(s)?:\/\/:\*\*\*@localhost:\d+: .+\n$/m);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
    expect(cases[0]!.stderr).toMatch(/WRONGPASS|invalid/i);
  });
});
