// The library's conversion pipeline: read → clean → repair → segment → validate, one document at a time.
import path from 'node:path';
import { cleanPages } from './clean/index.js';
import { checkInput, checkOptions } from './convert-arguments.js';
import type { InputDocument, Line, RawPage } from './document.js';
import { repairLines } from './repair/index.js';
import { restoreReplacementChars } from './repair/replacement.js';
import { SchemaError } from './errors.js';
import { readFileBytes } from './input/file.js';
import { readInput, type ReadOptions } from './input/read.js';
import { SCHEMA_VERSION, type Minutes } from './schema/minutes.js';
import { validateMinutes } from './schema/validate.js';
import { segment, type LineTrace } from './segment/index.js';

export interface ConvertOptions extends ReadOptions {
  /** Restore lost diacritics and undo OCR confusions before segmenting (default true). */
  repair?: boolean;
  /**
   * Name recorded as `source.file`, as given (a batch gives the path below its input folder). Without it: the
   * base name of a path input, `<buffer>` for bytes.
   */
  fileName?: string;
  /** Called after each stage with what it did, for `--verbose` and logs. */
  onStage?: (event: StageEvent) => void;
}

/** What one pipeline stage did to one document. */
export interface StageEvent {
  stage: 'read' | 'repair' | 'clean' | 'segment' | 'validate';
  file: string;
  ms: number;
  /** Counts that say what the stage did (pages read, changes made, lines found…). */
  detail: Record<string, number | string>;
}

export type ConvertInput = string | URL | Uint8Array;

/**
 * Reads a path, file URL or bytes and returns the validated document. Throws typed errors: ArgumentError
 * (`invalid-argument`) for a wrong argument, InputError and the others for the input.
 */
export async function convert(input: ConvertInput, options?: ConvertOptions): Promise<Minutes> {
  return (await convertWithText(input, options)).minutes;
}

/** Like convert(), and also returns the cleaned, repaired lines the document was segmented from (`--format text`). */
export async function convertWithText(input: ConvertInput, options?: ConvertOptions): Promise<Converted> {
  checkInput(input);
  const checked = checkOptions<ConvertOptions>(options);
  const { bytes, file } = await load(input, checked.fileName);
  const t0 = performance.now();
  const doc = await readInput(bytes, file, checked);
  checked.onStage?.({ stage: 'read', file, ms: performance.now() - t0, detail: { format: doc.format, pages: doc.pages.length, ocrPages: doc.pages.filter((p) => p.source === 'ocr').length } });
  return runStages(doc, checked);
}

export type Converted = StagesResult;

/** The bytes of a path, file URL or buffer, checked as convert() checks them. */
export async function load(input: ConvertInput, fileName?: string): Promise<{ bytes: Uint8Array; file: string }> {
  const source = checkInput(input);
  if (source instanceof Uint8Array) return { bytes: source, file: fileName ?? '<buffer>' };
  return { bytes: await readFileBytes(source), file: fileName ?? source };
}

/** The stages after reading; exposed so callers that already hold an InputDocument skip the I/O. */
export function convertDocument(doc: InputDocument, options: ConvertOptions = {}): Minutes {
  return runStages(doc, options).minutes;
}

/** What the stages made of a document: the result, and the cleaned lines with what segmentation did to each. */
export interface StagesResult {
  minutes: Minutes;
  lines: Line[];
  trace: LineTrace[];
  /** The pages as read, before repair: what a person sees on the page (the review site shows them beside the result). */
  pages: readonly RawPage[];
}

/** A conversion with what its result was made from, for showing one beside the other (src/review). */
export type Conversion = StagesResult;

/** Repair → clean → segment → validate, keeping the intermediate lines for `explain`. */
export function runStages(doc: InputDocument, options: ConvertOptions = {}): StagesResult {
  const stage = timer(doc.file, options.onStage);
  const repaired = options.repair === false ? { pages: doc.pages, repairs: [], warnings: [] } : repairPages(doc.pages);
  stage('repair', { changes: repaired.repairs.length, skipped: options.repair === false ? 'yes' : 'no' });
  const lines = cleanPages(repaired.pages);
  stage('clean', { lines: lines.length, furniture: lines.filter((l) => l.furniture).length });
  const seg = segment(lines);
  stage('segment', { attendees: seg.attendees.length, items: seg.items.length, decisions: seg.items.reduce((n, i) => n + i.decisions.length, 0), signatures: seg.signatures.length, warnings: seg.warnings.length });
  const result: Minutes = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: options.fileName ?? (doc.file === '<buffer>' || doc.file === '-' ? doc.file : path.basename(doc.file)),
      sha256: doc.sha256,
      format: doc.format,
      pages: doc.pages.map((p) => ({ number: p.number, text: p.source, ocrConfidence: p.ocrConfidence, size: p.size ?? null, ...(p.ocr ? { ocr: p.ocr } : {}) })),
    },
    document: seg.document,
    attendees: seg.attendees,
    agenda: seg.agenda,
    items: seg.items,
    signatures: seg.signatures,
    warnings: [...doc.warnings, ...repaired.warnings, ...seg.warnings],
    repairs: repaired.repairs,
  };
  const checked = validateMinutes(result);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    throw new SchemaError('schema-invalid', `internal error: the result violates schema v${SCHEMA_VERSION} at ${first.path}: ${first.message}`, { file: doc.file });
  }
  stage('validate', { schemaVersion: SCHEMA_VERSION });
  return { minutes: checked.value, lines, trace: seg.trace, pages: doc.pages };
}

function timer(file: string, onStage: ConvertOptions['onStage']): (stage: StageEvent['stage'], detail: StageEvent['detail']) => void {
  let last = performance.now();
  return (stage, detail) => {
    if (!onStage) return;
    const t = performance.now();
    onStage({ stage, file, ms: t - last, detail });
    last = t;
  };
}

/** Runs the repair stage over every physical line, so each change points at the page and line it was made on. */
export function repairPages(pages: readonly RawPage[]): { pages: RawPage[]; repairs: Minutes['repairs']; warnings: Minutes['warnings'] } {
  // U+FFFD where a conversion destroyed å/ä/ö and §: restored first, each word as the lexicon knows it.
  const marked: Minutes['repairs'] = [];
  const restored = pages.map((p) => ({ ...p, lines: p.lines.map((l) => {
    const r = restoreReplacementChars(l.text);
    for (const w of r.words) marked.push({ page: l.page, line: l.line, from: w.from, to: w.to, rule: 'replacement-character', confidence: 0.8 });
    return r.words.length ? { ...l, text: r.text } : l;
  }) }));
  const all = restored.flatMap((p) => p.lines);
  const result = repairLines(all);
  let k = 0;
  const repairedPages = restored.map((p) => ({ ...p, lines: p.lines.map((l) => ({ ...l, text: result.lines[k++] ?? l.text })) }));
  const warnings = marked.length
    ? [...result.warnings, { code: 'input-replacement-characters', message: `${marked.length} characters destroyed by an encoding conversion (U+FFFD) were restored from the lexicon`, page: null, line: null }]
    : result.warnings;
  return { pages: repairedPages, repairs: [...marked, ...result.changes], warnings };
}
