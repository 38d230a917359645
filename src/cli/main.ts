// The command-line entry point: parses arguments, runs one command, turns errors into messages and exit codes.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ProtokollError, UsageError } from '../errors.js';
import { checkCommand } from './check.js';
import { convertCommand, type ConvertDeps } from './convert.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { removePendingTempFiles } from '../output/write.js';
import { errorLine, processIo, type Io } from './io.js';
import { listLanguages } from './langs.js';
import { queueCommand } from './queue.js';
import { repairCommand } from './repair.js';
import { reportCommand } from './report.js';
import { reviewCommand } from './review.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { workerCommand, type WorkerDeps } from './worker.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/** Exit codes for the signals that stop a run, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated };

/** What commands get from the entry point besides their arguments. */
export type CliDeps = ConvertDeps & WorkerDeps;

export function buildProgram(io: Io, setExit: (code: number) => void, deps: CliDeps = {}): Command {
  const program = new Command('protokoll')
    .description('Turn Swedish meeting minutes (protokoll, minnesanteckningar) into validated JSON or YAML.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .option('--list-langs', 'list the OCR languages installed, and exit')
    .exitOverride()
    .action((opts: { listLangs?: boolean }) => {
      if (opts.listLangs) {
        io.out(listLanguages());
        setExit(EXIT.ok);
        return;
      }
      // Bare `protokoll`: a usage error, with the help that says what to type.
      io.err(program.helpInformation());
      setExit(EXIT.usage);
    });
  const configure = (cmd: Command): Command => {
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run with --help for usage)');
    // Subcommands (queue add, report merge) too: none of them may exit the process or print elsewhere.
    for (const sub of cmd.commands) configure(sub);
    return cmd;
  };
  for (const cmd of [convertCommand(io, setExit, deps), schemaCommand(io, setExit), validateCommand(io, setExit), repairCommand(io, setExit), checkCommand(io, setExit), explainCommand(io, setExit), exportCommand(io, setExit),
    queueCommand(io, setExit), workerCommand(io, setExit, deps), reportCommand(io, setExit), reviewCommand(io, setExit, deps)]) {
    program.addCommand(configure(cmd));
  }
  program.addHelpText('after', `
Examples:
  $ protokoll convert fixtures/text-gr-kommunchefer/input.txt
  $ protokoll convert fixtures/ -o out/ --include 'text-*/input.txt' --format yaml
  $ protokoll check fixtures/text-gr-kommunchefer
  $ protokoll export fixtures/ --csv tables/
  $ protokoll explain fixtures/text-gr-kommunchefer/input.txt --page 1
  $ protokoll --list-langs

Each command's --help has more examples.`);
  return program;
}

/** Runs the CLI and returns the exit code; the caller decides whether to exit. */
export async function run(argv: readonly string[], io: Io = processIo(), deps: CliDeps = {}): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => { code = c; }, deps);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.err(errorLine(null, error.message));
      return EXIT.usage;
    }
    if (error instanceof ProtokollError) {
      io.err(errorLine(error.file, error.message));
      return EXIT.failed;
    }
    io.err(errorLine(null, `internal error: ${(error as Error)?.stack ?? String(error)}`));
    return EXIT.failed;
  }
}

export async function main(): Promise<never> {
  // First Ctrl-C or SIGTERM (what `timeout`, systemd, Kubernetes and CI send): the batch stops, removes its
  // temporary files, prints and reports what it did, and exits 130 or 143. A second signal exits at once.
  const interrupt = new AbortController();
  // The queue worker stops gracefully by itself (a grace period for running jobs), so it takes the signals over.
  let signalsOwned = false;
  let signalExit: number = EXIT.interrupted;
  const hardStop = (): never => {
    removePendingTempFiles();
    process.exit(signalExit);
  };
  // A reader that stops reading (`protokoll … | head -1`) closes stdout: the run ends quietly, with exit 0, as
  // cat and grep do, instead of dying on EPIPE with a stack trace.
  const outputClosed = new AbortController();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    outputClosed.abort();
  });
  let claimed = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (signalsOwned) return;
    if (interrupt.signal.aborted) hardStop();
    signalExit = SIGNAL_EXIT[signal];
    interrupt.abort(signal);
    // A command that watches the signal (convert) finishes its summary and report itself and must not be cut
    // short; the others (a filter waiting on stdin) must still stop.
    if (!claimed) setTimeout(hardStop, 2000).unref();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const io = processIo();
  const out = io.out;
  io.out = (s) => { if (!outputClosed.signal.aborted) out(s); };
  const code = await run(process.argv.slice(2), io, {
    signal: interrupt.signal,
    outputClosed: outputClosed.signal,
    claimSignal: () => { claimed = true; },
    ownSignals: () => { signalsOwned = true; },
  });
  // Writes still in flight when the signal came leave temporary files; nothing half-written may stay behind.
  removePendingTempFiles();
  process.exit(interrupt.signal.aborted ? signalExit : code);
}
