// Queue mode end to end: a real redis-server, and several real worker processes converting from it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, minutes, tempDir, writeTree } from '../batch/tree.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { convertedBy, startWorker, waitFor, type Finished } from './processes.js';
import { redisMissing, startRedis, type RedisServer } from './redis-server.js';

const repo = path.resolve(import.meta.dirname, '../..');
const scan = fs.readFileSync(path.join(repo, 'fixtures/ocr/familjen-p1-top.png'));
const sha = (p: string): string => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

if (redisMissing) console.warn(`queue tests skipped: ${redisMissing}`);

describe.skipIf(redisMissing !== null)(`queue workers on a real Redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  let redis: RedisServer;
  let env: NodeJS.ProcessEnv;
  const queues: Queue[] = [];
  /** A BullMQ handle on a test's queue, to look at job states as the workers see them. */
  const inspect = (name: string): Queue => {
    const q = new Queue(name, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null }, prefix: 'protokoll' });
    q.on('error', () => undefined);
    queues.push(q);
    return q;
  };

  /** One-off commands run in this process (cheaper than a process each); workers are real processes. */
  const protokoll = async (args: string[]): Promise<Finished> => {
    const io = fakeIo();
    const code = await run(args[0] === 'queue' ? [...args, '--redis', redis.url] : args, io);
    return { code, signal: null, stdout: io.stdout(), stderr: io.stderr() };
  };

  beforeAll(async () => {
    expect(fs.existsSync(path.join(repo, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
    redis = await startRedis();
    env = { REDIS_URL: redis.url };
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    await redis?.stop();
  });

  it('three workers convert every input exactly once, like convert does; a bad input fails once with its code; adding again adds nothing', async () => {
    const root = tempDir('protokoll-queue-');
    const files: Record<string, string> = { 'empty.txt': '' };
    for (let i = 0; i < 10; i++) files[`d${i % 3}/m${i}.txt`] = minutes(i);
    // Byte-identical to m1 under another name: it still gets its own output.
    files['copy/m1.txt'] = minutes(1);
    const input = writeTree(path.join(root, 'in'), files);
    const out = path.join(root, 'out');

    const added = await protokoll(['queue', 'add', input, '-o', out, '--queue', 'once']);
    expect(added.stderr).toContain('12 added, 0 already queued, 0 up to date');
    expect(added.code).toBe(1 - 1);

    const workers = [0, 1, 2].map(() => startWorker(['--queue', 'once', '--jobs', '1', '--exit-when-idle'], env));
    const done = await Promise.all(workers.map((w) => w.exited));
    expect(done.map((d) => d.code)).toEqual([0, 0, 0]);

    const converted = done.flatMap((d) => convertedBy(d.stderr)).sort();
    const good = Object.keys(files).filter((f) => f !== 'empty.txt').map((f) => path.join(input, f)).sort();
    expect(converted).toEqual(good);
    const failures = done.flatMap((d) => d.stderr.split('\n').filter((l) => l.startsWith('protokoll: ') && l.includes('empty.txt')));
    expect(failures).toEqual([`protokoll: ${path.join(input, 'empty.txt')}: [input-empty] the file is empty`]);

    // Every output whole, none extra, recording its input's hash; and identical to what convert writes.
    const outputs = listTree(out);
    expect(outputs).toEqual(good.map((f) => path.relative(input, f).replace(/\.txt$/, '.json')).sort());
    const viaConvert = path.join(root, 'convert-out');
    const report2 = path.join(root, 'convert-report.json');
    expect((await protokoll(['convert', input, '-o', viaConvert, '--report', report2, '-q'])).code).toBe(1);
    for (const rel of outputs) {
      const doc = JSON.parse(fs.readFileSync(path.join(out, rel), 'utf8'));
      expect(doc.source.sha256).toBe(sha(path.join(input, rel.replace(/\.json$/, '.txt'))));
      expect(fs.readFileSync(path.join(out, rel), 'utf8')).toBe(fs.readFileSync(path.join(viaConvert, rel), 'utf8'));
    }

    const q = inspect('once');
    const [failed] = await q.getFailed();
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/^\[input-empty\] /);

    const again = await protokoll(['queue', 'add', input, '-o', out, '--queue', 'once']);
    expect(again.stderr).toContain('0 added, 1 already queued, 11 up to date');
    expect(await q.getWaitingCount()).toBe(0);

    // The queue's report has the batch report's shape and the same verdicts.
    const report = path.join(root, 'queue-report.json');
    const status = await protokoll(['queue', 'status', '--queue', 'once', '--report', report]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/done\s+11/);
    expect(status.stdout).toMatch(/failed\s+1\n\s+\S+empty\.txt: \[input-empty\] the file is empty/);
    const fromQueue = JSON.parse(fs.readFileSync(report, 'utf8'));
    const fromConvert = JSON.parse(fs.readFileSync(report2, 'utf8'));
    expect(Object.keys(fromQueue.summary).sort()).toEqual(Object.keys(fromConvert.summary).sort());
    expect(Object.keys(fromQueue.inputs[0]).sort()).toEqual(Object.keys(fromConvert.inputs[0]).sort());
    for (const key of ['total', 'converted', 'failed', 'pages', 'warningsByCode'] as const) expect(fromQueue.summary[key]).toEqual(fromConvert.summary[key]);
    const verdicts = (r: { inputs: { path: string; status: string; code: string | null }[] }) =>
      r.inputs.map((i) => `${path.relative(input, path.resolve(i.path))} ${i.status} ${i.code}`).sort();
    expect(verdicts(fromQueue)).toEqual(verdicts(fromConvert));

    // Operators' tools: retry only one kind of failure, forget finished jobs, remove the queue.
    expect((await protokoll(['queue', 'retry-failed', '--queue', 'once', '--code', 'output-failed'])).stderr).toContain('0 failed jobs with code output-failed queued again');
    expect((await protokoll(['queue', 'retry-failed', '--queue', 'once'])).stderr).toContain('1 failed job queued again');
    expect(await q.getJobCounts('waiting', 'failed')).toEqual({ waiting: 1, failed: 0 });
    expect((await protokoll(['queue', 'clear', '--queue', 'once', '--completed'])).stderr).toContain('removed the records of 11 done jobs');
    expect((await protokoll(['queue', 'clear', '--queue', 'once'])).stderr).toContain('queue "once" removed');
    expect(Object.values(await q.getJobCounts()).every((n) => n === 0)).toBe(true);
  });

  it('kill -9 of a worker mid-job: another takes the job over and every output ends up whole, once; SIGTERM lets a running job finish', async () => {
    const root = tempDir('protokoll-queue-kill-');
    const files: Record<string, string | Uint8Array> = { 'scan.png': scan };
    for (let i = 0; i < 4; i++) files[`m${i}.txt`] = minutes(20 + i);
    const input = writeTree(path.join(root, 'in'), files);
    const out = path.join(root, 'out');
    expect((await protokoll(['queue', 'add', input, '-o', out, '--queue', 'kill'])).code).toBe(0);
    const q = inspect('kill');
    // The scan takes seconds to OCR: long enough to be caught mid-job.
    const scanJob = async () => (await q.getActive()).find((j) => j.data.input.endsWith('scan.png'));
    // A short lock, so the take-over comes soon; long enough that a busy machine still renews a live worker's lock.
    const args = ['--queue', 'kill', '--jobs', '1', '--lock-duration', '5'];
    const first = [startWorker(args, env), startWorker(args, env)];
    const victim = await waitFor('the scan to be converted', scanJob);
    const victimPid = Number(victim.processedBy!.split(':').pop());
    const doomed = first.find((w) => w.pid === victimPid)!;
    const survivor = first.find((w) => w.pid !== victimPid)!;
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    // The survivor takes the scan over once its lock runs out; SIGTERM while it converts lets it finish.
    await waitFor('the survivor to take the scan over', () => survivor.stderr().includes(`converting ${path.join(input, 'scan.png')}`), 60_000);
    survivor.child.kill('SIGTERM');
    const stopped = await survivor.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(/SIGTERM: stopping; waiting up to 25 s for 1 running job/);
    expect(convertedBy(stopped.stderr)).toContain(path.join(input, 'scan.png'));

    // Whatever is left goes to one more worker.
    const last = await startWorker([...args, '--exit-when-idle'], env).exited;
    expect(last.code).toBe(0);
    const all = [doomed, survivor].map((w) => w.stderr()).join('') + last.stderr;
    expect(convertedBy(all).sort()).toEqual(Object.keys(files).map((f) => path.join(input, f)).sort());
    expect(listTree(out)).toEqual(['m0.json', 'm1.json', 'm2.json', 'm3.json', 'scan.json']);
    for (const f of listTree(out)) expect(() => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8'))).not.toThrow();
    expect(JSON.parse(fs.readFileSync(path.join(out, 'scan.json'), 'utf8')).source.pages[0].text).toBe('ocr');
    expect(await q.getJobCounts('completed', 'failed', 'waiting', 'active')).toEqual({ completed: 5, failed: 0, waiting: 0, active: 0 });
  });

  it('SIGTERM after the grace period hands the running job back to the queue, unfinished and unwritten', async () => {
    const root = tempDir('protokoll-queue-grace-');
    const input = writeTree(path.join(root, 'in'), { 'scan.png': scan });
    const out = path.join(root, 'out');
    expect((await protokoll(['queue', 'add', input, '-o', out, '--queue', 'grace'])).code).toBe(0);
    const q = inspect('grace');
    const worker = startWorker(['--queue', 'grace', '--jobs', '1', '--grace', '0'], env);
    await waitFor('the scan to be converted', async () => (await q.getActive()).length > 0);
    worker.child.kill('SIGTERM');
    const stopped = await worker.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain(`handed ${path.join(input, 'scan.png')} back to the queue`);
    const [job] = await q.getWaiting();
    expect(job!.attemptsMade).toBe(0);
    expect(listTree(out)).toEqual([]);
  });

  it('a failure that may pass (the output folder unwritable for a moment) is retried with backoff and then succeeds', async () => {
    const root = tempDir('protokoll-queue-retry-');
    const input = writeTree(path.join(root, 'in'), { 'sub/m.txt': minutes(40) });
    const out = path.join(root, 'out');
    expect((await protokoll(['queue', 'add', input, '-o', out, '--queue', 'retry', '--backoff', '1'])).code).toBe(0);
    // A file where the output's folder should be: every write fails (ENOTDIR) until it is gone.
    fs.writeFileSync(path.join(out, 'sub'), 'in the way');
    const worker = startWorker(['--queue', 'retry', '--jobs', '1', '--exit-when-idle'], env);
    await waitFor('the first failure', () => worker.stderr().includes('(will be retried)'));
    fs.rmSync(path.join(out, 'sub'));
    const done = await worker.exited;
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/\[output-failed\] .*\(will be retried\)/);
    expect(convertedBy(done.stderr)).toEqual([path.join(input, 'sub/m.txt')]);
    // One failed attempt, then the one that succeeded.
    const [job] = await inspect('retry').getCompleted();
    expect(job!.attemptsMade).toBe(2);
  });

  it('a Redis restart mid-run: workers wait for it, and every input still ends up converted once', async () => {
    const root = tempDir('protokoll-queue-restart-');
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`d${i % 5}/m${i}.txt`] = minutes(100 + i);
    const input = writeTree(path.join(root, 'in'), files);
    const out = path.join(root, 'out');
    expect((await protokoll(['queue', 'add', input, '-o', out, '--queue', 'restart'])).code).toBe(0);
    const workers = [0, 1].map(() => startWorker(['--queue', 'restart', '--jobs', '1', '--lock-duration', '10', '--exit-when-idle'], env));
    await waitFor('some outputs', () => listTree(out).length >= 5);
    await redis.shutdownSave();
    const during = listTree(out).length;
    await new Promise((r) => setTimeout(r, 500));
    await redis.restart();
    const done = await Promise.all(workers.map((w) => w.exited));
    expect(done.map((d) => d.code)).toEqual([0, 0]);
    expect(during).toBeLessThan(100);
    expect(done.map((d) => d.stderr).join('')).toMatch(/ECONNREFUSED|Connection is closed/);
    // Each input converted exactly once (one finished during the outage is found up to date, not converted again).
    expect(done.flatMap((d) => convertedBy(d.stderr)).sort()).toEqual(Object.keys(files).map((f) => path.join(input, f)).sort());
    expect(listTree(out)).toHaveLength(100);
    expect(listTree(out).every((f) => f.endsWith('.json'))).toBe(true);
    const q = inspect('restart');
    expect(await q.getJobCounts('completed', 'failed')).toEqual({ completed: 100, failed: 0 });
  });
});
