// The PDF reader process: pdf.js parses, extracts and renders here, where a time or memory limit can end it with a kill.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import { PdfPageError } from '../pdf-page-error.js';
import { PdfFile } from '../pdf.js';
import { OVER_MEMORY_MARK, REPLY_MARK, type PdfCall, type PdfReply, type PdfRequest, type WireError } from './protocol.js';

// pdf.js reports through the console (warnings at verbosity 1); they are collected per request and sent back.
let notes: string[] = [];
const note = (...args: unknown[]) => {
  if (notes.length < 100) notes.push(args.map(String).join(' ').slice(0, 500));
};
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = note;

// Ctrl-C reaches every process of the terminal's group; protokoll decides when its reader stops, not the terminal.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('disconnect', () => process.exit(0));
process.on('uncaughtException', (error) => note(`uncaught: ${(error as Error)?.message ?? String(error)}`));
process.on('unhandledRejection', (error) => note(`unhandled: ${(error as Error)?.message ?? String(error)}`));

/**
 * A page loop in pdf.js never yields, so this process could not notice its parent dying; a thread of its own
 * can, and ends the process when the parent is gone (killed with SIGKILL, say, which leaves no time to clean up).
 * The same thread ends the process above its memory limit (the first argument, in MB): protokoll watches that
 * too, but not while its own thread is busy (a long text converted beside the PDF).
 */
function guardAgainstOrphaning(): void {
  const guard = new Worker(
    `const { workerData } = require('node:worker_threads');
     const fs = require('node:fs');
     setInterval(() => {
       if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
       if (workerData.limit > 0 && process.memoryUsage.rss() > workerData.limit) {
         try { fs.writeSync(2, workerData.mark); } catch {}
         process.kill(process.pid, 'SIGKILL');
       }
     }, 250);`,
    { eval: true, workerData: { parent: process.ppid, limit: Number(process.argv[2] ?? 0) * 1024 * 1024, mark: OVER_MEMORY_MARK } },
  );
  guard.unref();
}
guardAgainstOrphaning();

let pdf: PdfFile | null = null;

async function perform(call: PdfCall): Promise<unknown> {
  if (call.method === 'open') {
    await pdf?.destroy().catch(() => undefined);
    pdf = new PdfFile(call.bytes, call.file, { password: call.password, maxImagePixels: call.maxImagePixels, verbosity: 1 });
    return await pdf.pageCount();
  }
  if (!pdf) throw new Error('no PDF is open');
  switch (call.method) {
    case 'pageLines': {
      const page = await pdf.pageLines(call.page);
      const ink = page.lines.some((l) => l.text.trim() !== '') ? true : await pdf.hasInk(call.page);
      return { page, ink };
    }
    case 'hasInk': return pdf.hasInk(call.page);
    case 'imageDpi': return pdf.imageDpi(call.page);
    case 'renderPage': return pdf.renderPage(call.page, call.dpi, call.maxPixels);
  }
}

function wire(error: unknown): WireError {
  if (error instanceof PdfPageError) return { kind: 'page', code: error.code, page: error.page, message: error.message };
  if (error instanceof InputError) return { kind: 'input', code: error.code, message: error.message };
  return { kind: 'internal', message: String((error as Error)?.message ?? error) };
}

function mark(id: number): void {
  const text = `${REPLY_MARK}${id}\n`;
  for (let tries = 0; tries < 1000; tries++) {
    try {
      fs.writeSync(2, text);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    }
  }
}

async function answer(request: PdfRequest): Promise<void> {
  notes = [];
  const start = performance.now();
  let reply: PdfReply;
  try {
    const value = await perform(request.call);
    reply = { id: request.id, ok: true, value, notes, workMs: performance.now() - start };
  } catch (error) {
    reply = { id: request.id, ok: false, error: wire(error), notes, workMs: performance.now() - start };
  }
  mark(request.id);
  process.send?.(reply);
}

let queue: Promise<void> = Promise.resolve();
process.on('message', (request: PdfRequest) => {
  queue = queue.then(() => answer(request));
});
// pdf.js is loaded (this module imported it): the time limits of requests start from here, not from the process's start.
process.send?.({ ready: true });
