// Terminal I/O for commands: stdout for documents, stderr for messages, colour only where it is wanted.
import { Chalk } from 'chalk';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal (progress displays are drawn only there). */
  errIsTty: boolean;
  color: InstanceType<typeof Chalk>;
  readStdin: () => Promise<Buffer>;
}

export function processIo(): Io {
  const colorWanted = !process.env.NO_COLOR && process.stderr.isTTY === true;
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    errIsTty: process.stderr.isTTY === true,
    color: new Chalk({ level: colorWanted ? 1 : 0 }),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** "protokoll: file: reason" — one line, whatever the error. */
export function errorLine(file: string | null, message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return file ? `protokoll: ${file}: ${oneLine}\n` : `protokoll: ${oneLine}\n`;
}
