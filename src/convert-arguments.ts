// Checks what a library caller passed to convert(): a wrong type is the caller's bug, told as an ArgumentError with its code.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ArgumentError } from './errors.js';

const positive = z.number().finite().positive();

/** The documented options; unknown keys are let through, so a newer caller's options do not break an older protokoll. */
const ConvertOptionsShape = z.object({
  repair: z.boolean().optional(),
  fileName: z.string().optional(),
  password: z.string().optional(),
  ocr: z.enum(['auto', 'always', 'never']).optional(),
  lang: z.string().optional(),
  jobs: z.number().int().positive().optional(),
  pageTimeoutMs: positive.optional(),
  pdfPageTimeoutMs: positive.optional(),
  pdfTimeoutMs: positive.optional(),
  onProgress: z.function().optional(),
  ocrPool: z.object({}).passthrough().optional(),
  pdfReaders: z.object({}).passthrough().optional(),
}).passthrough();

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof URL) return `the URL ${value.href}`;
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return `${typeof value} ${String(value)}`;
};

/** The path to read, or the bytes: throws ArgumentError (`invalid-argument`) for anything else. */
export function checkInput(input: unknown): string | Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (typeof input === 'string' && input !== '') return input;
  if (input instanceof URL) {
    if (input.protocol !== 'file:') throw new ArgumentError('invalid-argument', `convert(input): only file: URLs can be read (nothing is downloaded), got ${input.protocol} in ${input.href}`);
    return fileURLToPath(input);
  }
  throw new ArgumentError('invalid-argument', `convert(input): expected a file path, a file: URL or bytes (Uint8Array or Buffer), got ${describe(input)}`);
}

/** The options object, checked against the documented option types. */
export function checkOptions<T extends object>(options: unknown): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError('invalid-argument', `convert(input, options): options must be an object, got ${describe(options)}`);
  }
  const checked = ConvertOptionsShape.safeParse(options);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ArgumentError('invalid-argument', `convert(input, options): options.${issue.path.join('.')}: ${issue.message}`);
  }
  return options as T;
}
