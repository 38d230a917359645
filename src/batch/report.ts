// The batch report (--report): a versioned JSON record of every input's outcome, defined once as a zod schema.
import { createRequire } from 'node:module';
import { z } from 'zod';
import { writeFileAtomic } from '../output/write.js';
import { SCHEMA_VERSION } from '../schema/minutes.js';
import type { BatchRecord } from './run.js';
import type { BatchSummary } from './summary.js';

/** Bumped on any change that is not an added field; readers should check it. */
export const REPORT_VERSION = 1;

export const InputStatus = z.enum(['converted', 'skipped', 'failed', 'interrupted', 'not-started']);

export const ReportInput = z.object({
  /** The input's path as given or found. */
  path: z.string(),
  /** Its name in its output (`source.file`): the path below its input folder. */
  name: z.string(),
  status: InputStatus,
  /** For `failed`: the error code (`input-empty`, `pdf-invalid`, `ocr-timeout`, `strict-warnings`, `internal-error`…). */
  code: z.string().nullable(),
  /** For `failed`: the one-line reason, as printed. */
  reason: z.string().nullable(),
  /** Warning codes of the document, converted now or read from the skipped up-to-date output. */
  warnings: z.array(z.string()),
  /** The output file (null on stdout, or when nothing was written). */
  output: z.string().nullable(),
  seconds: z.number(),
  pages: z.number().int(),
  pagesOcr: z.number().int(),
}).strict();

export const ReportWalkSkip = z.object({
  path: z.string(),
  /** `hidden`, `symlink`, `symlink-broken`, `symlink-loop`, `duplicate`, `unsupported`, `excluded`, `not-included`, `output-folder`, `unreadable`. */
  code: z.string(),
  reason: z.string(),
}).strict();

export const ReportSummary = z.object({
  total: z.number().int(),
  converted: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  notStarted: z.number().int(),
  interruptedInputs: z.number().int(),
  /** Files and folders the walk left out (listed in `walkSkipped`). */
  walkSkipped: z.number().int(),
  warningsByCode: z.record(z.string(), z.number().int()),
  pages: z.number().int(),
  pagesOcr: z.number().int(),
  seconds: z.number(),
  /** The batch was stopped from outside (Ctrl-C, SIGTERM, a closed stdout). */
  interrupted: z.boolean(),
  /** Why the batch stopped on its own (a full disk, --fail-fast), or null. */
  stoppedBy: z.string().nullable(),
  /** The share of the inputs this batch converted (`convert --shard i/n`), so merged reports can tell whether all are there. */
  shard: z.object({ index: z.number().int(), count: z.number().int() }).strict().optional(),
  /** The review site written with the batch (--review, protokoll review): its folder, documents listed, bytes on disk. */
  review: z.object({ dir: z.string(), documents: z.number().int(), bytes: z.number().int() }).strict().optional(),
}).strict();

export const BatchReport = z.object({
  reportVersion: z.literal(REPORT_VERSION),
  tool: z.object({ name: z.literal('protokoll'), version: z.string() }).strict(),
  /** The schema version of the documents written. */
  schemaVersion: z.number().int(),
  finishedAt: z.string(),
  summary: ReportSummary,
  /** Every input, in the order it finished; interrupted and not-started ones last, in input order. */
  inputs: z.array(ReportInput),
  walkSkipped: z.array(ReportWalkSkip),
}).strict();

export type BatchReport = z.infer<typeof BatchReport>;
export type ReportInput = z.infer<typeof ReportInput>;

const toolVersion = (): string => (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export function buildReport(summary: BatchSummary, records: readonly BatchRecord[], finishedAt = new Date()): BatchReport {
  const { failures: _failures, walkSkipped, ...counts } = summary;
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'protokoll', version: toolVersion() },
    schemaVersion: SCHEMA_VERSION,
    finishedAt: finishedAt.toISOString(),
    summary: { ...counts, walkSkipped: walkSkipped.length },
    inputs: records.map((r) => ({
      path: r.path, name: r.name, status: r.status, code: r.code, reason: r.reason, warnings: r.warnings, output: r.output,
      seconds: r.seconds, pages: r.pages, pagesOcr: r.pagesOcr,
    })),
    walkSkipped: walkSkipped.map((w) => ({ path: w.path, code: w.code, reason: w.reason })),
  };
}

export async function writeReport(file: string, summary: BatchSummary, records: readonly BatchRecord[]): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(buildReport(summary, records), null, 2) + '\n');
}
