// Validates a parsed value against the contract and reports each problem with its path.
import { Minutes, type Minutes as MinutesType } from './minutes.js';

export interface SchemaProblem { path: string; message: string }

export type Validation =
  | { ok: true; value: MinutesType }
  | { ok: false; problems: SchemaProblem[] };

/** `$.items[3].decisions[0].text` style, the path a person can find in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

export function validateMinutes(value: unknown): Validation {
  const result = Minutes.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}
