// The public library API: re-exports only.
export { convert, convertDocument, convertWithText, type ConvertInput, type ConvertOptions, type Converted, type StageEvent } from './convert.js';
export { explain, type Explanation, type ExplainedLine } from './explain.js';
export { convertImages, type ConvertImagesOptions } from './convert-images.js';
export { createOcrPool } from './ocr/create.js';
export type { OcrPool, OcrPoolOptions } from './ocr/pool.js';
export { PdfReaderPool, type PdfReaderPoolOptions } from './input/pdf-reader/pool.js';
export type { OcrMode, OcrProgress } from './ocr/documents.js';
export { parsePageSelection, type PageSelection } from './input/pages.js';
export { repairLines as repair, type RepairLine, type RepairResult, type RepairChange, type RepairOptions } from './repair/index.js';
export { Minutes as schema, SCHEMA_VERSION } from './schema/minutes.js';
export type {
  Minutes, Header, Attendee, AttendeeGroup, AgendaEntry, Item, Decision, Vote, Signature, Warning, Repair, Source, PageInfo, SourceRef, DocumentKind, OcrInfo,
} from './schema/minutes.js';
export { jsonSchema } from './schema/json-schema.js';
export { validateMinutes, type Validation, type SchemaProblem } from './schema/validate.js';
export { ProtokollError, InputError, OcrError, OutputError, SchemaError, UsageError, ArgumentError, type ErrorCode } from './errors.js';
export { runBatch, type BatchOptions, type BatchRecord, type BatchResult, type BatchStatus } from './batch/run.js';
export { summarize, type BatchSummary } from './batch/summary.js';
export { BatchReport, buildReport, REPORT_VERSION, type ReportInput } from './batch/report.js';
export { expandInputs, type InputFile, type WalkOptions, type WalkSkip } from './batch/walk.js';
export { outputPath, outputPaths } from './batch/naming.js';
export { diff, type Difference } from './compare/diff.js';
