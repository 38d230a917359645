// Entry of each OCR worker thread: runs tesseract.js's worker script with the engine's console output silenced.
import { createRequire } from 'node:module';

// Tesseract and Leptonica print diagnostics ("Estimating resolution as 274", "Error in pixReadStream") through
// the thread's console, which Node pipes into the CLI's stdout and stderr, where JSON output and progress live.
// Failures still reach the caller: the worker reports them as rejected jobs.
const quiet = () => true;
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;
process.stdout.write = quiet as typeof process.stdout.write;
process.stderr.write = quiet as typeof process.stderr.write;

// An exception escaping the engine would otherwise be rethrown in the main thread as an 'error' event.
process.on('uncaughtException', () => process.exit(70));

createRequire(import.meta.url)('tesseract.js/src/worker-script/node/index.js');
