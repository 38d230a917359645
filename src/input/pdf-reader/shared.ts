// The PDF reader pool of calls that bring none of their own (library calls, the CLI): readers outlive one document.
import { PdfReaderPool } from './pool.js';

let shared: PdfReaderPool | null = null;

/** The shared pool; its idle readers end after a few seconds, and never keep the process alive. */
export function sharedPdfReaders(): PdfReaderPool {
  shared ??= new PdfReaderPool({ idleMs: 5_000 });
  return shared;
}

/** Kills every shared reader now, busy ones included (an interrupted run); the next call starts afresh. */
export async function stopPdfReaders(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.terminate();
}
