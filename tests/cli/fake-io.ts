// A fake Io for driving the CLI in-process: captures stdout and stderr, no colour unless asked, optional fake terminal.
import { Chalk } from 'chalk';
import type { Io } from '../../src/cli/io.js';

export interface FakeIo extends Io {
  stdout: () => string;
  stderr: () => string;
}

export function fakeIo(options: { tty?: boolean; color?: boolean; stdin?: string } = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
    errIsTty: options.tty ?? false,
    color: new Chalk({ level: options.color ? 1 : 0 }),
    readStdin: async () => Buffer.from(options.stdin ?? ''),
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
