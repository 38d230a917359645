// The public library API: re-exports only.
export { convert, convertDocument, type ConvertInput, type ConvertOptions } from './convert.js';
export { explain, type Explanation, type ExplainedLine } from './explain.js';
export { repairLines as repair, type RepairLine, type RepairResult, type RepairChange, type RepairOptions } from './repair/index.js';
export { Minutes as schema, SCHEMA_VERSION } from './schema/minutes.js';
export type {
  Minutes, Header, Attendee, AttendeeGroup, AgendaEntry, Item, Decision, Vote, Signature, Warning, Repair, Source, PageInfo, SourceRef, DocumentKind,
} from './schema/minutes.js';
export { jsonSchema } from './schema/json-schema.js';
export { validateMinutes, type Validation, type SchemaProblem } from './schema/validate.js';
export { ProtokollError, InputError, OcrError, OutputError, SchemaError, UsageError, type ErrorCode } from './errors.js';
export { runBatch, type BatchOptions, type BatchRecord, type BatchResult, type BatchStatus } from './batch/run.js';
export { summarize, type BatchSummary } from './batch/summary.js';
export { expandInputs, type InputFile } from './batch/walk.js';
export { diff, type Difference } from './compare/diff.js';
