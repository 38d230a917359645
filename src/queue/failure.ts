// Which failures are the input's own (fail the job once, no retry) and which may pass (retry with backoff), and how a reason carries its code.

/**
 * Codes that name something wrong with the input, or a document that breaks its own schema: converting the same bytes
 * again gives the same result, so retrying only wastes a worker.
 */
const PERMANENT = /^(?:input-|pdf-|image-|schema-)/;

/**
 * False for a full disk, an unwritable output, an OCR engine that died or did not start, and internal errors without
 * a code: those may pass (another worker, space freed), so the job is retried with backoff.
 */
export function isPermanentFailure(code: string | null): boolean {
  return code !== null && PERMANENT.test(code);
}

/** Codes for failures that happen around a conversion rather than inside it. */
export const QUEUE_FAILURE_CODES = {
  /** BullMQ's own reason when a job's worker died more often than allowed. */
  stalled: 'worker-died',
  /** The batch's code for an error without one of its own. */
  unknown: 'internal-error',
} as const;

/** `[code] reason`: a job's failedReason is one string, so the code travels in front of the words. */
export function encodeFailure(code: string | null, reason: string): string {
  return `[${code ?? QUEUE_FAILURE_CODES.unknown}] ${reason}`;
}

export function decodeFailure(failedReason: string | undefined): { code: string; reason: string } {
  const text = (failedReason ?? '').trim();
  const m = /^\[([a-z0-9-]+)\] ([\s\S]*)$/.exec(text);
  if (m) return { code: m[1]!, reason: m[2]! };
  if (/stalled more than allowable limit/i.test(text)) {
    return { code: QUEUE_FAILURE_CODES.stalled, reason: 'the workers converting it died (killed or out of memory) more often than allowed' };
  }
  return { code: QUEUE_FAILURE_CODES.unknown, reason: text || 'unknown reason' };
}
