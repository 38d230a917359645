// The command-line entry point: parses arguments, runs one command, turns errors into messages and exit codes.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ProtokollError, UsageError } from '../errors.js';
import { checkCommand } from './check.js';
import { convertCommand, type ConvertDeps } from './convert.js';
import { explainCommand } from './explain.js';
import { removePendingTempFiles } from '../output/write.js';
import { errorLine, processIo, type Io } from './io.js';
import { repairCommand } from './repair.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export function buildProgram(io: Io, setExit: (code: number) => void, deps: ConvertDeps = {}): Command {
  const program = new Command('protokoll')
    .description('Turn Swedish meeting minutes (protokoll, minnesanteckningar) into validated JSON or YAML.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  for (const cmd of [convertCommand(io, setExit, deps), schemaCommand(io, setExit), validateCommand(io, setExit), repairCommand(io, setExit), checkCommand(io, setExit), explainCommand(io, setExit)]) {
    program.addCommand(cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run with --help for usage)'));
  }
  program.addHelpText('after', `
Examples:
  $ protokoll convert fixtures/text/gr-kommunchefer.txt
  $ protokoll convert archive/ -o out/ --format yaml
  $ protokoll schema > minutes.v1.json
  $ protokoll validate out/*.json
  $ protokoll repair scan.txt > repaired.txt
  $ protokoll explain minutes.pdf --page 1`);
  return program;
}

/** Runs the CLI and returns the exit code; the caller decides whether to exit. */
export async function run(argv: readonly string[], io: Io = processIo(), deps: ConvertDeps = {}): Promise<number> {
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
  // First Ctrl-C: the batch stops, prints what it did and returns 130. A second one exits at once.
  const interrupt = new AbortController();
  const hardStop = (): never => {
    removePendingTempFiles();
    process.exit(EXIT.interrupted);
  };
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) hardStop();
    interrupt.abort();
    // Commands that do not watch the signal (a filter waiting on stdin) must still stop on Ctrl-C.
    setTimeout(hardStop, 2000).unref();
  });
  const code = await run(process.argv.slice(2), processIo(), { signal: interrupt.signal });
  // Writes still in flight when Ctrl-C came leave temporary files; nothing half-written may stay behind.
  removePendingTempFiles();
  process.exit(interrupt.signal.aborted ? EXIT.interrupted : code);
}
