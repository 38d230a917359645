// Typed errors: library code throws these, the CLI entry point turns them into one-line messages and exit codes.

export type ErrorCode =
  | 'input-unreadable'
  | 'input-empty'
  | 'input-binary'
  | 'input-encoding'
  | 'input-too-large'
  | 'input-pages'
  | 'pdf-invalid'
  | 'pdf-encrypted'
  | 'pdf-password'
  | 'pdf-no-pages'
  | 'pdf-unreadable'
  | 'pdf-timeout'
  | 'pdf-memory-limit'
  | 'image-needs-ocr'
  | 'image-invalid'
  | 'image-too-large'
  | 'image-too-small'
  | 'ocr-failed'
  | 'ocr-unavailable'
  | 'ocr-timeout'
  | 'output-failed'
  | 'schema-invalid'
  | 'queue-unavailable'
  | 'queue-busy'
  /** A queued input whose workers died (killed, out of memory) more often than allowed while converting it. */
  | 'worker-died'
  | 'report-invalid'
  | 'usage'
  | 'invalid-argument';

export class ProtokollError extends Error {
  readonly code: ErrorCode;
  /** The file the problem is about, when there is one. */
  readonly file: string | null;

  constructor(code: ErrorCode, message: string, options: { file?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = options.file ?? null;
  }
}

/** The input cannot be read or is not something protokoll can convert. */
export class InputError extends ProtokollError {}
/** Text recognition failed or is not available. */
export class OcrError extends ProtokollError {}
/** The result could not be written. */
export class OutputError extends ProtokollError {}
/** The converter produced a document that violates its own schema: a bug, never the user's fault. */
export class SchemaError extends ProtokollError {}
/** The job queue (Redis) cannot be reached or refused a command. */
export class QueueError extends ProtokollError {}
/** The command line was used wrongly. */
export class UsageError extends ProtokollError {}
/** A library function was called with an argument of the wrong type or shape (the caller's bug, not the input's). */
export class ArgumentError extends ProtokollError {}
