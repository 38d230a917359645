// `protokoll export`: outputs → spreadsheet tables (CSV) and/or an SQLite database with full-text search.
import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../errors.js';
import { errorLine, type Io } from './io.js';

export interface ExportOptions { csv?: string; sqlite?: string; delimiter: string; quiet?: boolean }

export async function runExport(paths: readonly string[], opts: ExportOptions, io: Io): Promise<number> {
  if (!opts.csv && !opts.sqlite) throw new UsageError('usage', 'export needs --csv <dir>, --sqlite <file>, or both');
  // Loaded here, not at start-up: most runs of the CLI are conversions.
  const [{ writeCsvTables }, { readOutputs }, { writeSqlite }, { TableBuilder, TABLE_ORDER }] = await Promise.all([
    import('../export/csv.js'), import('../export/read.js'), import('../export/sqlite.js'), import('../export/tables.js'),
  ]);
  const { docs, problems, skipped } = await readOutputs(paths);
  for (const p of problems) io.err(errorLine(p.file, p.message));
  if (!opts.quiet && skipped.length) {
    const names = skipped.slice(0, 3).map((s) => s.file).join(', ');
    io.err(`protokoll: left out ${skipped.length} ${skipped.length === 1 ? 'file that is' : 'files that are'} not protokoll documents: ${names}${skipped.length > 3 ? ', …' : ''}\n`);
  }
  if (docs.length === 0) {
    io.err(errorLine(null, `no protokoll documents found in ${paths.join(', ')}`));
    return 1;
  }
  const builder = new TableBuilder();
  for (const { file, doc } of docs) builder.add(doc, file);
  try {
    if (opts.csv) await writeCsvTables(opts.csv, builder.tables, opts.delimiter);
    if (opts.sqlite) await writeSqlite(opts.sqlite, builder.tables);
  } catch (error) {
    io.err(errorLine(null, (error as Error).message));
    return 1;
  }
  if (!opts.quiet) {
    const counts = TABLE_ORDER.map((t) => `${builder.tables[t].rows.length} ${t}`).join(', ');
    io.err(`exported ${docs.length} documents (${counts})${opts.csv ? ` to ${opts.csv}/*.csv` : ''}${opts.csv && opts.sqlite ? ' and' : ''}${opts.sqlite ? ` to ${opts.sqlite}` : ''}\n`);
  }
  return problems.length ? 1 : 0;
}

function delimiterOption(value: string): string {
  const d = value === '\\t' || value === 'tab' ? '\t' : value;
  if (![',', ';', '\t'].includes(d)) throw new InvalidArgumentError('expected , or ; or tab');
  return d;
}

export function exportCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('export')
    .description('export converted documents (JSON, YAML, NDJSON files or folders) as CSV tables and/or an SQLite database')
    .argument('<outputs...>', 'output files or folders of them (walked recursively for .json, .yaml, .ndjson)')
    .option('--csv <dir>', 'write documents.csv, attendees.csv, agenda.csv, items.csv, decisions.csv, votes.csv, reservations.csv, signatures.csv, warnings.csv')
    .option('--sqlite <file>', 'write the same tables as an SQLite database, with foreign keys and full-text search (items_fts, decisions_fts)')
    .option('--delimiter <char>', 'CSV field separator: , (default) or ; (what Excel expects where the decimal mark is a comma, as in Swedish) or tab', delimiterOption, ',')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', `
CSV files are UTF-8 with a byte-order mark, RFC 4180 quoting and CRLF line ends, so
LibreOffice and Excel open them with å, ä and ö intact. Tables join on document_id
(and item_id for decisions, votes and reservations).

Examples:
  $ protokoll export fixtures/ --csv tables/
  $ protokoll export fixtures/ --sqlite archive.db --csv tables/ --delimiter ';'

Exit codes: 0 exported, 1 a named file could not be read or nothing was found, 2 usage error.`)
    .action(async (paths: string[], opts: ExportOptions) => setExit(await runExport(paths, opts, io)));
}
