// Issue 13 point 18: CSV tables and an SQLite database with foreign keys and full-text search; the README's
// queries run for real against the fixtures' outputs.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { run } from '../../src/cli/main.js';
import { csvField } from '../../src/export/csv.js';
import { loadSqlite } from '../../src/export/sqlite.js';
import { tempDir } from '../batch/tree.js';
import { fakeIo } from '../cli/fake-io.js';

const repo = path.resolve(import.meta.dirname, '../..');
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');

/** The sql blocks between the README's export-queries markers. */
function readmeQueries(): string[] {
  const block = /<!-- export-queries[^>]*-->([\s\S]*?)<!-- \/export-queries -->/.exec(readme)?.[1] ?? '';
  return [...block.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = tempDir('protokoll-export-');
  // The fixtures' pinned outputs are real conversions of the fixture inputs.
  const io = fakeIo();
  expect(await run(['export', path.join(repo, 'fixtures'), '--csv', path.join(dir, 'tables'), '--sqlite', path.join(dir, 'archive.db')], io)).toBe(0);
  expect(io.stderr()).toMatch(/^protokoll: left out \d+ files that are not protokoll documents: .*gold\.json/m);
  expect(io.stderr()).toMatch(/exported \d+ documents/);
  const SQL = await loadSqlite();
  db = new SQL.Database(fs.readFileSync(path.join(dir, 'archive.db')));
});

const rows = (sql: string): Record<string, unknown>[] => {
  const [r] = db.exec(sql);
  return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
};

describe('export --sqlite', () => {
  it('runs the three README queries', () => {
    const [detaljplan, attendance, votes] = readmeQueries();
    expect(readmeQueries()).toHaveLength(3);
    const plans = rows(detaljplan!);
    expect(plans.length).toBeGreaterThan(0);
    for (const r of plans) {
      expect(String(r.text)).toMatch(/detaljplan/i);
      expect(String(r.text)).toMatch(/kommunstyrelse/i);
      expect(String(r.date) >= '2018-01-01' && String(r.date) <= '2024-12-31').toBe(true);
    }
    expect(plans.map((r) => r.organization)).toContain('ÖSTRA DALS KOMMUN');
    const people = rows(attendance!);
    expect(people.length).toBe(10);
    expect(Number(people[0]!.meetings)).toBeGreaterThanOrEqual(Number(people[9]!.meetings));
    const voted = rows(votes!);
    expect(voted.length).toBeGreaterThan(5);
    expect(voted.every((v) => typeof v.yes === 'number' && typeof v.no === 'number')).toBe(true);
  });

  it('has foreign keys that hold, and refuses a row that breaks them', () => {
    db.run('PRAGMA foreign_keys = ON;');
    expect(db.exec('PRAGMA foreign_key_check;')).toEqual([]);
    expect(() => db.run("INSERT INTO decisions (id, item_id, document_id, position, text) VALUES (999999, 999999, 1, 1, 'x');")).toThrow(/FOREIGN KEY/);
    const fk = rows("SELECT \"table\", \"from\" FROM pragma_foreign_key_list('decisions') ORDER BY \"from\";");
    expect(fk).toEqual([{ table: 'documents', from: 'document_id' }, { table: 'items', from: 'item_id' }]);
  });

  it('searches Swedish words with å/ä/ö kept distinct', () => {
    const hits = rows("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH 'budget*';");
    expect(Number(hits[0]!.n)).toBeGreaterThan(0);
    const titles = rows("SELECT title FROM items_fts WHERE items_fts MATCH 'title:ändring*';").map((r) => String(r.title));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => /ändring/i.test(t))).toBe(true);
  });
});

describe('export --csv', () => {
  it('writes every table as UTF-8 with a BOM, CRLF rows and RFC 4180 quoting, joinable by document_id', () => {
    const files = fs.readdirSync(path.join(dir, 'tables')).sort();
    expect(files).toEqual(['agenda.csv', 'attendees.csv', 'decisions.csv', 'documents.csv', 'items.csv', 'reservations.csv', 'signatures.csv', 'votes.csv', 'warnings.csv']);
    const docs = fs.readFileSync(path.join(dir, 'tables', 'documents.csv'), 'utf8');
    expect(docs.startsWith('\ufeffid,output_file,source_file,sha256,')).toBe(true);
    expect(docs.split('\r\n').length).toBe(rows('SELECT count(*) AS n FROM documents')[0]!.n as number + 2);
    const attendees = fs.readFileSync(path.join(dir, 'tables', 'attendees.csv'), 'utf8');
    expect(attendees).toMatch(/^\ufeffid,document_id,position,name,party,/);
    expect(attendees).toContain('Mikael Löthstam'); // å, ä and ö as written
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });
});
