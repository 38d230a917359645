// The public way to make an OCR pool: loads the engine only when called, so importing the library stays fast.
import type { OcrPool, OcrPoolOptions } from './pool.js';

/**
 * A pool of OCR workers to share between convert() calls (`{ ocrPool }`): its workers start on the first page
 * that needs them. The caller ends it with `await pool.terminate()`.
 */
export async function createOcrPool(options: OcrPoolOptions = {}): Promise<OcrPool> {
  const { OcrPool: Pool } = await import('./pool.js');
  return new Pool(options);
}
