// Which queued failures are retried, and how a failure's code travels in BullMQ's one-string reason.
import { describe, expect, it } from 'vitest';
import { decodeFailure, encodeFailure, isPermanentFailure } from '../../src/queue/failure.js';

describe('isPermanentFailure', () => {
  it('a bad input, or a document that breaks the schema, fails once', () => {
    for (const code of ['input-empty', 'input-binary', 'pdf-invalid', 'pdf-encrypted', 'image-invalid', 'schema-invalid']) expect(isPermanentFailure(code), code).toBe(true);
  });
  it('a full disk, a dead OCR engine or an internal error may pass, so it is retried', () => {
    for (const code of ['output-failed', 'ocr-failed', 'ocr-unavailable', null]) expect(isPermanentFailure(code), String(code)).toBe(false);
  });
});

describe('encodeFailure / decodeFailure', () => {
  it('round-trips the code and the reason', () => {
    const text = encodeFailure('pdf-invalid', 'the PDF is damaged: bad xref');
    expect(text).toBe('[pdf-invalid] the PDF is damaged: bad xref');
    expect(decodeFailure(text)).toEqual({ code: 'pdf-invalid', reason: 'the PDF is damaged: bad xref' });
  });
  it('an error without a code is internal', () => {
    expect(decodeFailure(encodeFailure(null, 'boom'))).toEqual({ code: 'internal-error', reason: 'boom' });
    expect(decodeFailure('something else')).toEqual({ code: 'internal-error', reason: 'something else' });
  });
  it("names BullMQ's own verdict on a job that lost its workers too often", () => {
    expect(decodeFailure('job stalled more than allowable limit').code).toBe('worker-died');
  });
});
