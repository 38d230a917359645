// PDF reader processes kept for reuse across the documents of a batch: one per document being read, started on demand.
import os from 'node:os';
import { ReaderProcess } from './reader-process.js';

/** Resident memory one PDF reader may use (a page with a 100-megapixel image needs about 1.2 GB). */
export const DEFAULT_PDF_MEMORY_MB = 2048;
/** A reader process serves this many documents, then is replaced, so that whatever pdf.js leaks stays bounded. */
const DOCUMENTS_PER_PROCESS = 200;

export interface PdfReaderPoolOptions {
  /** Resident memory per reader process in MB (default 2048); a process above it is killed. */
  memoryMb?: number;
  /** Idle processes kept for the next document (default: the number of cores). */
  maxIdle?: number;
  /** An idle process is ended after this long without work (default: kept until terminate()). */
  idleMs?: number;
}

export class PdfReaderPool {
  readonly memoryMb: number;
  private readonly maxIdle: number;
  private readonly idleMs: number | null;
  private readonly idle: Array<{ reader: ReaderProcess; timer: NodeJS.Timeout | null }> = [];
  private readonly busy = new Set<ReaderProcess>();
  private closed = false;
  /** Reader processes started since the pool was made (for benchmarks). */
  started = 0;

  constructor(options: PdfReaderPoolOptions = {}) {
    this.memoryMb = options.memoryMb ?? DEFAULT_PDF_MEMORY_MB;
    this.maxIdle = options.maxIdle ?? os.availableParallelism();
    this.idleMs = options.idleMs ?? null;
  }

  /** A reader for one document: an idle one if there is one, else a new process. */
  acquire(): ReaderProcess {
    if (this.closed) throw new Error('the PDF reader pool has been shut down');
    let reader: ReaderProcess | undefined;
    while (!reader && this.idle.length > 0) {
      const entry = this.idle.pop()!;
      if (entry.timer) clearTimeout(entry.timer);
      if (entry.reader.alive) reader = entry.reader;
    }
    if (!reader) {
      reader = new ReaderProcess({ memoryMb: this.memoryMb });
      this.started++;
    }
    reader.documents++;
    this.busy.add(reader);
    return reader;
  }

  /** Starts a reader ahead of the first PDF, so that its start overlaps whatever comes before (an idle reader). */
  prewarm(): void {
    if (this.closed || this.idle.length > 0 || this.busy.size > 0) return;
    const reader = new ReaderProcess({ memoryMb: this.memoryMb });
    this.started++;
    this.release(reader);
  }

  /** Gives a reader back after its document is closed; a dead, worn or surplus one is ended instead. */
  release(reader: ReaderProcess): void {
    this.busy.delete(reader);
    if (this.closed || !reader.alive || reader.documents >= DOCUMENTS_PER_PROCESS || this.idle.length >= this.maxIdle) {
      reader.kill();
      return;
    }
    const entry: { reader: ReaderProcess; timer: NodeJS.Timeout | null } = { reader, timer: null };
    if (this.idleMs !== null) {
      entry.timer = setTimeout(() => {
        const at = this.idle.indexOf(entry);
        if (at >= 0) this.idle.splice(at, 1);
        reader.kill();
      }, this.idleMs);
      entry.timer.unref();
    }
    this.idle.push(entry);
  }

  /** Kills every reader, busy or idle; documents being read fail. Safe to call more than once. */
  async terminate(): Promise<void> {
    this.closed = true;
    const all = [...this.busy, ...this.idle.splice(0).map((e) => (e.timer && clearTimeout(e.timer), e.reader))];
    this.busy.clear();
    for (const reader of all) reader.kill();
    await Promise.all(all.map((r) => r.exited));
  }
}
