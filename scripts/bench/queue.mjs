// Queue bench: pages per minute through Redis queue workers (one and two) beside `convert --jobs 2` on the same scans,
// and the Redis memory a queued and a finished job take.
//
// usage: npm run build && node scripts/bench/queue.mjs [--fixtures DIR] [--repeat N] [--runs N] [--memory-jobs N] [--no-throughput]
//        [--only convert,1x1,2x1,1x2]   (which configurations: convert --jobs 2, workers × jobs each; default all)
//
// The inputs are the scanned fixture PDFs (`<fixtures>/scanned/*.pdf`, default ../shared/fixtures) copied --repeat times
// (default 2) under different names, so every copy is its own job and its own OCR work. Each configuration runs --runs
// times (default 3) on a fresh output folder and queue, and the best run counts: the machine is shared with other work,
// so a single run says more about the neighbours than about protokoll. Queue runs are timed from starting the workers
// to their exit (`--exit-when-idle`), so their start-up counts as convert's does. Redis is a redis-server started here
// on a free loopback port, without persistence; the bench skips the queue half when redis-server is not installed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'bin/protokoll.js');
if (!fs.existsSync(path.join(repo, 'dist/queue/worker.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(1);
}
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const fixtures = path.resolve(option('--fixtures', path.resolve(repo, '../shared/fixtures')));
const repeat = Math.max(1, Number(option('--repeat', '2')));
const runs = Math.max(1, Number(option('--runs', '3')));
const memoryJobs = Math.max(100, Number(option('--memory-jobs', '2000')));
const throughput = !args.includes('--no-throughput');
const only = option('--only', 'convert,1x1,2x1,1x2').split(',');

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.log('queue bench skipped: redis-server is not installed (Debian: apt-get install redis-server)');
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-queue-bench-'));
let redis = null;
const cleanup = () => {
  redis?.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
const env = { ...process.env, REDIS_URL: url, NO_COLOR: '1' };
await waitForRedis();

const { Redis } = await import('ioredis');
const client = new Redis({ host: '127.0.0.1', port });

// CPU time (user + system, all threads) of each process, from GNU time when it is installed: unlike wall-clock
// time, it hardly changes with what else the machine is doing, so it is the figure to size a cluster by.
const gnuTime = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;

function run(cmd, extra = [], options = {}) {
  return new Promise((resolve, reject) => {
    const argv = [process.execPath, bin, ...cmd, ...extra];
    const child = gnuTime
      ? spawn('/usr/bin/time', ['-f', 'protokoll-bench-cpu %U %S', ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'], ...options })
      : spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /protokoll-bench-cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      resolve({ code, stderr, cpu: m ? Number(m[1]) + Number(m[2]) : null });
    });
  });
}

async function waitForRedis() {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => { sock.end(); resolve(true); });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('redis-server did not start');
}

async function usedMemory() {
  const info = await client.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)[1]);
}

const seconds = (t0) => (performance.now() - t0) / 1000;
const fmt = (n, d = 1) => n.toFixed(d);

// ---- throughput on the scans ----
if (throughput) {
  const scans = fs.existsSync(path.join(fixtures, 'scanned')) ? fs.readdirSync(path.join(fixtures, 'scanned')).filter((f) => f.endsWith('.pdf')).sort() : [];
  if (!scans.length) {
    console.log(`queue bench: no scanned fixtures at ${fixtures}/scanned (give --fixtures DIR); throughput skipped`);
  } else {
    const { PdfFile } = await import(path.join(repo, 'dist/input/pdf.js'));
    let pages = 0;
    const input = path.join(work, 'scans');
    for (let r = 1; r <= repeat; r++) {
      for (const f of scans) {
        const src = path.join(fixtures, 'scanned', f);
        fs.mkdirSync(path.join(input, `copy${r}`), { recursive: true });
        fs.copyFileSync(src, path.join(input, `copy${r}`, f));
        pages += await new PdfFile(fs.readFileSync(src), src).pageCount();
      }
    }
    console.log(`queue bench: ${scans.length * repeat} scanned PDFs, ${pages} pages (${scans.length} fixtures ×${repeat}); best of ${runs} runs each on a shared ${os.availableParallelism()}-core machine`);
    let n = 0;
    const configs = [
      { key: 'convert', label: 'convert --jobs 2', go: async (out) => run(['convert', input, '-o', out, '--jobs', '2', '-q']) },
      { key: '1x1', label: '1 worker × 1 job', workers: 1, jobs: 1 },
      { key: '2x1', label: '2 workers × 1 job', workers: 2, jobs: 1 },
      { key: '1x2', label: '1 worker × 2 jobs', workers: 1, jobs: 2 },
    ].filter((c) => only.includes(c.key));
    const best = {};
    const cpuPerPage = {};
    for (const c of configs) {
      const times = [];
      const cpus = [];
      for (let i = 0; i < runs; i++) {
        const out = path.join(work, `out-${n++}`);
        let t0;
        if (c.go) {
          t0 = performance.now();
          const r = await c.go(out);
          if (r.code !== 0) throw new Error(`${c.label} failed: ${r.stderr}`);
          cpus.push(r.cpu);
        } else {
          const queue = `bench-${n}`;
          const added = await run(['queue', 'add', input, '-o', out, '--queue', queue, '-q']);
          if (added.code !== 0) throw new Error(`queue add failed: ${added.stderr}`);
          t0 = performance.now();
          const done = await Promise.all(Array.from({ length: c.workers }, () => run(['worker', '--queue', queue, '--jobs', String(c.jobs), '--exit-when-idle', '-q'])));
          const bad = done.find((d) => d.code !== 0);
          if (bad) throw new Error(`worker failed: ${bad.stderr}`);
          cpus.push(done.some((d) => d.cpu === null) ? null : done.reduce((a, d) => a + d.cpu, 0));
        }
        times.push(seconds(t0));
        const outputs = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
        if (outputs !== scans.length * repeat) throw new Error(`${c.label}: ${outputs} outputs, expected ${scans.length * repeat}`);
      }
      best[c.label] = Math.min(...times);
      cpuPerPage[c.label] = cpus.includes(null) ? null : Math.min(...cpus) / pages;
      const cpu = cpuPerPage[c.label] === null ? '' : `, ${fmt(cpuPerPage[c.label])} CPU-s/page`;
      console.log(`  ${c.label.padEnd(20)} ${fmt((pages / best[c.label]) * 60).padStart(6)} pages/min${cpu}   (runs: ${times.map((t) => fmt(t)).join(', ')} s)`);
    }
    const ppm = (label) => (pages / best[label]) * 60;
    const has = (...labels) => labels.every((l) => l in best);
    if (has('2 workers × 1 job', '1 worker × 1 job')) console.log(`  two workers against one: ${fmt(ppm('2 workers × 1 job') / ppm('1 worker × 1 job'), 2)}×`);
    if (has('2 workers × 1 job', 'convert --jobs 2')) console.log(`  two workers against convert --jobs 2: ${fmt(ppm('2 workers × 1 job') / ppm('convert --jobs 2'), 2)}×`);
    if (has('1 worker × 1 job')) {
      const perCoreDay = ppm('1 worker × 1 job') * 60 * 24;
      console.log(`  by wall clock here: one worker core ${Math.round(perCoreDay).toLocaleString('en')} pages/day → ${fmt(1e6 / perCoreDay)} worker-cores for a million pages a day`);
    }
    const cpu = Object.values(cpuPerPage).filter((c) => c !== null).sort((a, b) => a - b)[0] ?? null;
    if (cpu !== null) console.log(`  by CPU time (what a dedicated core gives): ${fmt(cpu)} CPU-s/page → ${fmt((cpu * 1e6) / 86400)} worker-cores for a million pages a day`);
    const cpuLoad = os.loadavg()[0];
    console.log(`  (load average now ${fmt(cpuLoad)} on ${os.availableParallelism()} cores: wall-clock figures shrink as other work takes the cores; CPU time does not)`);
  }
}

// ---- Redis memory per job ----
// Measured as the growth of Redis's used_memory, less BullMQ's event stream (capped at about 10,000 events whatever
// the queue's size, so it would inflate a small sample's figure), once as installed and once with
// hash-max-listpack-value raised so a job's hash is stored compactly (an operator's choice, see README).
{
  const input = path.join(work, 'memory-in');
  const text = fs.readFileSync(path.join(repo, 'fixtures/text-gr-kommunchefer/input.txt'), 'utf8');
  const sample = path.join(input, 'kommunstyrelsens-arbetsutskott-0/1970/ksau-1970-00000-protokoll.txt');
  for (let i = 0; i < memoryJobs; i++) {
    // Paths as long as a real archive's: body, year, date.
    const dir = path.join(input, `kommunstyrelsens-arbetsutskott-${i % 7}`, String(1970 + (i % 50)));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `ksau-${1970 + (i % 50)}-${String(i).padStart(5, '0')}-protokoll.txt`), `${text}\n§ ${i}\n`);
  }
  console.log(`redis memory per job (${memoryJobs} jobs; input paths of ${sample.length} characters, without BullMQ's capped event stream):`);
  for (const [label, listpackValue] of [['as installed', null], ['hash-max-listpack-value 1024', '1024']]) {
    const original = (await client.config('GET', 'hash-max-listpack-value'))[1];
    if (listpackValue) await client.config('SET', 'hash-max-listpack-value', listpackValue);
    const queue = `bench-memory-${listpackValue ?? 'default'}`;
    const events = `protokoll:${queue}:events`;
    const jobsMemory = async () => (await usedMemory()) - Number((await client.memory('USAGE', events)) ?? 0);
    const base = await jobsMemory();
    const out = path.join(work, `memory-out-${listpackValue ?? 'default'}`);
    const added = await run(['queue', 'add', input, '-o', out, '--queue', queue, '-q']);
    if (added.code !== 0) throw new Error(`queue add failed: ${added.stderr}`);
    const waiting = await jobsMemory();
    const t0 = performance.now();
    const done = await Promise.all([0, 1].map(() => run(['worker', '--queue', queue, '--jobs', '1', '--exit-when-idle', '-q'])));
    if (done.some((d) => d.code !== 0)) throw new Error(`worker failed: ${done.map((d) => d.stderr).join('')}`);
    const took = seconds(t0);
    const completed = await jobsMemory();
    await run(['queue', 'clear', '--queue', queue]);
    await client.config('SET', 'hash-max-listpack-value', original);
    const per = (m) => Math.round((m - base) / memoryJobs);
    console.log(`  ${label.padEnd(30)} waiting ${per(waiting)} B, done ${per(completed)} B → a million documents: ${fmt((per(waiting) * 1e6) / 2 ** 30, 2)} GiB queued, ${fmt((per(completed) * 1e6) / 2 ** 30, 2)} GiB done`);
    if (!listpackValue) console.log(`  (${memoryJobs} one-page text jobs through 2 workers × 1 job took ${fmt(took)} s: ${fmt(memoryJobs / took)} jobs/s)`);
  }
}
await client.quit();
// The redis-server child would keep the process alive; the exit handler stops it.
process.exit(0);
