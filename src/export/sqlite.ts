// The export as an SQLite database (sql.js, SQLite compiled to WebAssembly: no compiler, no download at install),
// with foreign keys between the tables and full-text search over item titles and decisions.
import { createRequire } from 'node:module';
import type { Database, SqlJsStatic } from 'sql.js';
import { writeFileAtomic } from '../output/write.js';
import { TABLE_ORDER, type Table, type TableName } from './tables.js';

let engine: Promise<SqlJsStatic> | null = null;

/** Loads sql.js and its WebAssembly from node_modules (never from the network). */
export function loadSqlite(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url);
  engine ??= (require('sql.js') as (config?: { locateFile?: (f: string) => string }) => Promise<SqlJsStatic>)({
    locateFile: (file) => require.resolve(`sql.js/dist/${file}`),
  });
  return engine;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function createTable(table: Table): string {
  const cols = table.columns.map((c) => `${quote(c.name)} ${c.type}${c.primaryKey ? ' PRIMARY KEY' : ''}${c.references ? ` NOT NULL REFERENCES ${quote(c.references)}(id)` : ''}`);
  return `CREATE TABLE ${quote(table.name)} (${cols.join(', ')});`;
}

/**
 * Full-text search (FTS4; the sql.js build has no FTS5): `items_fts` over item titles and bodies and
 * `decisions_fts` over decision texts, each row's docid the id of its item or decision. The tokenizer keeps
 * å/ä/ö apart from a/o, as Swedish needs (`får` is not `far`).
 */
const FTS = [
  `CREATE VIRTUAL TABLE items_fts USING fts4(title, body, tokenize=unicode61 "remove_diacritics=0");`,
  `INSERT INTO items_fts(docid, title, body) SELECT id, title, body FROM items;`,
  `CREATE VIRTUAL TABLE decisions_fts USING fts4(text, tokenize=unicode61 "remove_diacritics=0");`,
  `INSERT INTO decisions_fts(docid, text) SELECT id, text FROM decisions;`,
];

const INDEXES = [
  'CREATE INDEX attendees_document ON attendees(document_id);',
  'CREATE INDEX attendees_name ON attendees(name);',
  'CREATE INDEX items_document ON items(document_id);',
  'CREATE INDEX decisions_item ON decisions(item_id);',
  'CREATE INDEX votes_item ON votes(item_id);',
  'CREATE INDEX documents_date ON documents(date);',
];

/** Builds the database in memory. The caller closes it. */
export async function buildDatabase(tables: Record<TableName, Table>): Promise<Database> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run('PRAGMA foreign_keys = ON;');
  db.run('BEGIN;');
  for (const name of TABLE_ORDER) {
    const table = tables[name];
    db.run(createTable(table));
    const stmt = db.prepare(`INSERT INTO ${quote(table.name)} VALUES (${table.columns.map(() => '?').join(', ')});`);
    for (const row of table.rows) stmt.run(row);
    stmt.free();
  }
  for (const sql of [...INDEXES, ...FTS]) db.run(sql);
  db.run('COMMIT;');
  return db;
}

/** Writes the database file atomically. */
export async function writeSqlite(file: string, tables: Record<TableName, Table>): Promise<void> {
  const db = await buildDatabase(tables);
  try {
    await writeFileAtomic(file, db.export());
  } finally {
    db.close();
  }
}
