// `protokoll schema`: prints the JSON Schema of the output.
import { Command } from 'commander';
import { jsonSchema } from '../schema/json-schema.js';
import type { Io } from './io.js';

export function schemaCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('schema')
    .description('print the JSON Schema (draft 2020-12) of the output, generated from the zod contract')
    .addHelpText('after', '\nExamples:\n  $ protokoll schema > minutes.v1.json\n  $ protokoll schema | head -4')
    .action(() => {
      io.out(JSON.stringify(jsonSchema(), null, 2) + '\n');
      setExit(0);
    });
}
