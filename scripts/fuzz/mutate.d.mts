// Types of mutate.mjs, for the TypeScript tests that use it.
export interface FuzzSource { name: string; format: string; bytes: Uint8Array }
export interface FuzzCase { name: string; format: string; bytes: Uint8Array }
export function random(seed: number): { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T };
export const MUTATION_NAMES: string[];
export function mutate(sources: readonly FuzzSource[], seed: number, index: number): FuzzCase;
