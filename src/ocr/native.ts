// The native engine: a `tesseract` program on PATH, one long-lived process per worker reading a stream of page images.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, OcrError } from '../errors.js';
import type { Engine, EngineInfo, EngineWorker } from './engine.js';
import { parseHocrPage, takePage } from './hocr.js';
import type { Language } from './lang.js';
import type { OcrPage } from './page.js';

/** The oldest Tesseract whose LSTM models, hOCR baselines and streamed file lists protokoll relies on. */
export const MIN_NATIVE_VERSION = [4, 1] as const;

export const INSTALL_HINT = 'install it with `apt-get install tesseract-ocr tesseract-ocr-swe` (Debian, Ubuntu) or `brew install tesseract tesseract-lang` (macOS)';

export interface NativeProbe {
  /** The version `tesseract --version` prints, e.g. "5.3.0"; null when no usable program was found. */
  version: string | null;
  /** Languages `tesseract --list-langs` lists. */
  langs: string[];
  /** Why the program cannot be used, when it cannot. */
  problem: string | null;
}

const probes = new Map<string, Promise<NativeProbe>>();

function run(command: string, args: string[]): Promise<{ out: string; failed: NodeJS.ErrnoException | null }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 20_000, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } }, (error, stdout, stderr) => {
      resolve({ out: `${stdout}\n${stderr}`, failed: error as NodeJS.ErrnoException | null });
    });
  });
}

/** Asks `command` (default `tesseract`, looked up on PATH) for its version and languages; cached per command and PATH. */
export function probeNative(command = 'tesseract'): Promise<NativeProbe> {
  const key = `${command}\0${process.env.PATH ?? ''}\0${process.env.TESSDATA_PREFIX ?? ''}`;
  let probe = probes.get(key);
  if (!probe) {
    probe = (async () => {
      const version = await run(command, ['--version']);
      if (version.failed?.code === 'ENOENT') return { version: null, langs: [], problem: `no \`${command}\` program on PATH` };
      const m = /tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?\S*/i.exec(version.out);
      if (!m) return { version: null, langs: [], problem: `\`${command} --version\` did not name a Tesseract version` };
      const v = m[0].replace(/^tesseract\s+v?/i, '');
      const [major, minor] = [Number(m[1]), Number(m[2])];
      if (major < MIN_NATIVE_VERSION[0] || (major === MIN_NATIVE_VERSION[0] && minor < MIN_NATIVE_VERSION[1])) {
        return { version: v, langs: [], problem: `Tesseract ${v} is too old (protokoll needs ${MIN_NATIVE_VERSION.join('.')} or later)` };
      }
      const list = await run(command, ['--list-langs']);
      const langs = list.out.split('\n').map((l) => l.trim()).filter((l) => /^[A-Za-z_]+$/.test(l));
      return { version: v, langs, problem: null };
    })();
    probes.set(key, probe);
  }
  return probe;
}

/** Why native Tesseract cannot read `langs`, or null when it can. */
export function nativeProblem(probe: NativeProbe, langs: readonly Language[]): string | null {
  if (probe.problem) return probe.problem;
  const missing = langs.filter((l) => !probe.langs.includes(l));
  if (missing.length) return `Tesseract ${probe.version} has no language data for ${missing.join(', ')} (apt-get install ${missing.map((l) => `tesseract-ocr-${l}`).join(' ')})`;
  return null;
}

/** Parameters that would only hide the program's error messages, which the worker reads from stderr. */
const NOT_NATIVE = new Set(['debug_file', 'tessedit_pageseg_mode']);

/**
 * Page images travel to the program as files in a private temporary folder: each is removed as soon as its page
 * is read, the folder when the engine is disposed or the process exits.
 */
export class NativeEngine implements Engine {
  readonly info: EngineInfo;
  private readonly args: string[];
  private dir: string | null = null;
  private counter = 0;
  private readonly workers = new Set<NativeWorker>();
  private readonly onExit = () => this.dispose();

  constructor(langs: readonly Language[], version: string, parameters: Readonly<Record<string, string>>, private readonly command = 'tesseract') {
    this.info = { engine: 'tesseract', version, lang: langs.join('+') };
    const psm = parameters.tessedit_pageseg_mode;
    this.args = [
      // Page images are named on stdin, one per line, and each page's hOCR is written to stdout as it is done.
      '-', '-', '-l', this.info.lang, '--oem', '1', ...(psm ? ['--psm', psm] : []),
      '-c', 'stream_filelist=1',
      ...Object.entries(parameters).filter(([k]) => !NOT_NATIVE.has(k)).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      'hocr',
    ];
  }

  async startWorker(): Promise<EngineWorker> {
    if (this.dir === null) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ocr-'));
      process.on('exit', this.onExit);
    }
    const worker = await NativeWorker.start(this.command, this.args, {
      write: (bytes) => {
        if (this.dir === null) throw new OcrError('ocr-failed', 'OCR was stopped');
        const file = path.join(this.dir, `page-${++this.counter}`);
        fs.writeFileSync(file, bytes);
        return file;
      },
      gone: (w) => this.workers.delete(w),
    });
    this.workers.add(worker);
    return worker;
  }

  /** Kills what is still running (synchronously, so it works from an 'exit' handler) and removes the folder. */
  dispose(): void {
    for (const w of this.workers) w.kill();
    this.workers.clear();
    if (this.dir !== null) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    process.off('exit', this.onExit);
  }
}

interface WorkerHost {
  /** Writes a page image where the program can read it; returns its path. */
  write(bytes: Uint8Array): string;
  gone(worker: NativeWorker): void;
}

interface PendingPage {
  file: string;
  resolve(page: OcrPage): void;
  reject(error: unknown): void;
}

/** Keeps the end of the program's messages: the reason it gives when it stops. */
const STDERR_KEPT = 4000;

class NativeWorker implements EngineWorker {
  private out = '';
  private err = '';
  private pending: PendingPage | null = null;
  private exited = false;
  private readonly closed: Promise<void>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly host: WorkerHost) {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.out += chunk;
      this.deliver();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.err = (this.err + chunk).slice(-STDERR_KEPT);
    });
    // Writing a page name to a process that has just died fails with EPIPE; its exit rejects the page.
    child.stdin.on('error', () => undefined);
    child.once('exit', () => { this.exited = true; });
    this.closed = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.exited = true;
        this.host.gone(this);
        this.fail(this.stopReason(code, signal));
        resolve();
      });
    });
  }

  static start(command: string, args: string[], host: WorkerHost): Promise<NativeWorker> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
      child.once('error', (error: NodeJS.ErrnoException) => {
        reject(new OcrError('ocr-unavailable', `native Tesseract could not be started (${error.code ?? error.message}); ${INSTALL_HINT}`, { cause: error }));
      });
      child.once('spawn', () => {
        const worker = new NativeWorker(child, host);
        worker.idle(true);
        resolve(worker);
      });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  recognize(image: Uint8Array): Promise<OcrPage> {
    if (this.exited) return Promise.reject(new OcrError('ocr-failed', 'the OCR process has stopped'));
    if (this.pending) return Promise.reject(new OcrError('ocr-failed', 'the OCR process is busy'));
    return new Promise<OcrPage>((resolve, reject) => {
      let file: string;
      try {
        file = this.host.write(image);
      } catch (error) {
        reject(error instanceof OcrError ? error : new OcrError('ocr-failed', `cannot pass the page image to Tesseract: ${(error as Error).message}`, { cause: error }));
        return;
      }
      this.pending = { file, resolve, reject };
      this.child.stdin.write(`${file}\n`);
    });
  }

  private deliver(): void {
    const taken = takePage(this.out);
    if (!taken) return;
    this.out = taken.rest;
    const page = this.pending;
    this.pending = null;
    if (!page) return;
    removeQuietly(page.file);
    try {
      page.resolve(parseHocrPage(taken.page));
    } catch (error) {
      page.reject(new OcrError('ocr-failed', `the OCR output could not be read: ${(error as Error).message}`, { cause: error }));
    }
  }

  private fail(error: Error): void {
    const page = this.pending;
    this.pending = null;
    if (!page) return;
    removeQuietly(page.file);
    page.reject(error);
  }

  private stopReason(code: number | null, signal: NodeJS.Signals | null): Error {
    const said = this.err.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Estimating resolution|Warning|Detected \d+ diacritics|Page \d+|Tesseract Open Source)/i.test(l));
    const last = said.slice(-2).join('; ');
    if (/cannot be read|pixRead|Unsupported image|image file .* not|Error in findFileFormat|Error in pixReadStream/i.test(this.err)) {
      return new InputError('image-invalid', `the image cannot be decoded (${last || 'Tesseract could not read it'})`);
    }
    const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
    return new OcrError('ocr-failed', `the OCR process ${how}${last ? `: ${last}` : ''}`);
  }

  idle(idle: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as Array<{ ref(): void; unref(): void }>;
    for (const h of handles) {
      if (idle) h.unref();
      else h.ref();
    }
  }

  /** Ends the process at once; a page in progress is rejected when it has gone. */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
    this.fail(new OcrError('ocr-failed', 'OCR was stopped'));
  }

  async terminate(): Promise<void> {
    // An idle worker's handles are unreferenced; waiting for its end needs them counted again.
    this.idle(false);
    this.kill();
    await this.closed;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the folder is removed as a whole when the engine is disposed
  }
}
