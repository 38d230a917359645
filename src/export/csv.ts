// CSV files of the export tables: UTF-8 with a byte-order mark and RFC 4180 quoting, so LibreOffice and Excel open them as written.
import path from 'node:path';
import { writeFileAtomic } from '../output/write.js';
import { TABLE_ORDER, type Cell, type Table, type TableName } from './tables.js';

/** Excel takes a UTF-8 file for its local code page unless it starts with this mark. */
const BOM = '\ufeff';

/**
 * One field, quoted when it holds the delimiter, a quote, a line break or leading/trailing space (RFC 4180:
 * quotes doubled inside). Numbers stay bare; null is an empty field.
 */
export function csvField(value: Cell, delimiter = ','): string {
  if (value === null) return '';
  const s = String(value);
  return s.includes(delimiter) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole table: header row, then rows, each ended by CRLF as RFC 4180 has it. */
export function toCsv(table: Table, delimiter = ','): string {
  const lines = [table.columns.map((c) => csvField(c.name, delimiter)), ...table.rows.map((r) => r.map((v) => csvField(v, delimiter)))];
  return BOM + lines.map((l) => l.join(delimiter) + '\r\n').join('');
}

/** Writes `<dir>/<table>.csv` for every table (empty tables too, with their header), atomically each. */
export async function writeCsvTables(dir: string, tables: Record<TableName, Table>, delimiter = ','): Promise<string[]> {
  const written: string[] = [];
  for (const name of TABLE_ORDER) {
    const file = path.join(dir, `${name}.csv`);
    await writeFileAtomic(file, toCsv(tables[name], delimiter));
    written.push(file);
  }
  return written;
}
