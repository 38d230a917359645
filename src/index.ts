// The public library API: re-exports only.
export { convert, convertDocument, type ConvertInput, type ConvertOptions } from './convert.js';
export { repairLines as repair, type RepairLine, type RepairResult, type RepairChange, type RepairOptions } from './repair/index.js';
export { Minutes as schema, SCHEMA_VERSION } from './schema/minutes.js';
export type {
  Minutes, Header, Attendee, AttendeeGroup, AgendaEntry, Item, Decision, Vote, Signature, Warning, Repair, Source, PageInfo, SourceRef, DocumentKind,
} from './schema/minutes.js';
export { jsonSchema } from './schema/json-schema.js';
export { validateMinutes, type Validation, type SchemaProblem } from './schema/validate.js';
export { ProtokollError, InputError, OcrError, OutputError, SchemaError, UsageError, type ErrorCode } from './errors.js';
