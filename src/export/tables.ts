// The export's tables: every document flattened into rows of documents, attendees, agenda, items, decisions, votes,
// reservations, signatures and warnings, joined by integer ids. One column list serves CSV and SQLite alike.
import type { Minutes } from '../schema/minutes.js';

export type Cell = string | number | null;
export type ColumnType = 'INTEGER' | 'TEXT';

export interface Table {
  name: string;
  /** Column name → SQL type; `references` names the table an id column points at. */
  columns: readonly { name: string; type: ColumnType; references?: string; primaryKey?: boolean }[];
  rows: Cell[][];
}

const col = (name: string, type: ColumnType = 'TEXT', extra: { references?: string; primaryKey?: boolean } = {}) => ({ name, type, ...extra });
const id = col('id', 'INTEGER', { primaryKey: true });
const documentId = col('document_id', 'INTEGER', { references: 'documents' });
const itemId = col('item_id', 'INTEGER', { references: 'items' });
const position = col('position', 'INTEGER');
const page = col('page', 'INTEGER');
const line = col('line', 'INTEGER');

export function emptyTables(): Record<TableName, Table> {
  return {
    documents: {
      name: 'documents',
      columns: [id, col('output_file'), col('source_file'), col('sha256'), col('format'), col('pages', 'INTEGER'), col('kind'), col('title'), col('organization'), col('body'),
        col('org_number'), col('protocol_number'), col('date'), col('date_text'), col('end_date'), col('start_time'), col('end_time'), col('location'),
        col('paragraph_from', 'INTEGER'), col('paragraph_to', 'INTEGER'), col('schema_version', 'INTEGER')],
      rows: [],
    },
    attendees: {
      name: 'attendees',
      columns: [id, documentId, position, col('name'), col('party'), col('organization'), col('title'), col('role'), col('group'), col('replaces'), col('note'), page, line],
      rows: [],
    },
    agenda: { name: 'agenda', columns: [id, documentId, position, col('number'), col('title'), col('page_ref', 'INTEGER'), page, line], rows: [] },
    items: {
      name: 'items',
      columns: [id, documentId, position, col('paragraph', 'INTEGER'), col('number'), col('title'), col('kind'), col('case_number'), col('body'), page, line],
      rows: [],
    },
    decisions: { name: 'decisions', columns: [id, itemId, documentId, position, col('text'), page, line], rows: [] },
    votes: { name: 'votes', columns: [id, itemId, documentId, position, col('yes', 'INTEGER'), col('no', 'INTEGER'), col('abstain', 'INTEGER'), col('outcome'), page, line], rows: [] },
    reservations: { name: 'reservations', columns: [id, itemId, documentId, position, col('text')], rows: [] },
    signatures: { name: 'signatures', columns: [id, documentId, position, col('role'), col('name'), col('date'), col('method'), page, line], rows: [] },
    warnings: { name: 'warnings', columns: [id, documentId, position, col('code'), col('message'), page, line], rows: [] },
  };
}

export type TableName = 'documents' | 'attendees' | 'agenda' | 'items' | 'decisions' | 'votes' | 'reservations' | 'signatures' | 'warnings';

/** Tables in an order where every table comes after the tables it refers to. */
export const TABLE_ORDER: readonly TableName[] = ['documents', 'attendees', 'agenda', 'items', 'decisions', 'votes', 'reservations', 'signatures', 'warnings'];

/** Adds documents to the tables, numbering rows on from what is already there. */
export class TableBuilder {
  readonly tables = emptyTables();

  add(doc: Minutes, outputFile: string): number {
    const t = this.tables;
    const next = (name: TableName) => t[name].rows.length + 1;
    const docId = next('documents');
    const h = doc.document;
    t.documents.rows.push([docId, outputFile, doc.source.file, doc.source.sha256, doc.source.format, doc.source.pages.length, h.kind, h.title, h.organization, h.body,
      h.orgNumber, h.protocolNumber, h.date, h.dateText, h.endDate, h.startTime, h.endTime, h.location, h.paragraphs?.from ?? null, h.paragraphs?.to ?? null, doc.schemaVersion]);
    doc.attendees.forEach((a, i) => t.attendees.rows.push([next('attendees'), docId, i + 1, a.name, a.party, a.organization, a.title, a.role, a.group, a.replaces, a.note, a.source.page, a.source.line]));
    doc.agenda.forEach((a, i) => t.agenda.rows.push([next('agenda'), docId, i + 1, a.number, a.title, a.page, a.source.page, a.source.line]));
    doc.items.forEach((item, i) => {
      const itemId = next('items');
      t.items.rows.push([itemId, docId, i + 1, item.paragraph, item.number, item.title, item.kind, item.caseNumber, item.body, item.source.page, item.source.line]);
      item.decisions.forEach((d, k) => t.decisions.rows.push([next('decisions'), itemId, docId, k + 1, d.text, d.source.page, d.source.line]));
      item.votes.forEach((v, k) => t.votes.rows.push([next('votes'), itemId, docId, k + 1, v.yes, v.no, v.abstain, v.outcome, v.source.page, v.source.line]));
      item.reservations.forEach((r, k) => t.reservations.rows.push([next('reservations'), itemId, docId, k + 1, r]));
    });
    doc.signatures.forEach((s, i) => t.signatures.rows.push([next('signatures'), docId, i + 1, s.role, s.name, s.date, s.method, s.source.page, s.source.line]));
    doc.warnings.forEach((w, i) => t.warnings.rows.push([next('warnings'), docId, i + 1, w.code, w.message, w.page, w.line]));
    return docId;
  }
}
