// Converts a document kept as one file per page (an archive's folder of scans): the parts' pages in order, as one document.
import { createHash } from 'node:crypto';
import type { InputDocument, RawPage } from './document.js';
import { runStages, type ConvertInput, type ConvertOptions, type Converted } from './convert.js';
import { OcrError } from './errors.js';
import { readFileBytes } from './input/file.js';
import { selectPages } from './input/pages.js';
import { failWhenOnlyTimeouts, readInput } from './input/read.js';
import type { OcrPool } from './ocr/pool.js';
import type { Warning } from './schema/minutes.js';
import { warning } from './document.js';
import { forEachLimited } from './batch/pool.js';

export interface ConvertImagesOptions extends ConvertOptions {
  /** Names of the parts for messages (default: their paths, or `part N` for bytes). */
  partNames?: readonly string[];
}

/** The identity of a document made of parts: the SHA-256 of the parts' SHA-256s, in order. */
export function groupSha256(parts: readonly Uint8Array[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(createHash('sha256').update(p).digest('hex') + '\n');
  return h.digest('hex');
}

/**
 * Page images (or any inputs) as one document: part 2's pages follow part 1's, numbered on from them. A
 * part's warnings name the part. A page that times out in OCR becomes an empty page with its warning; when
 * every page did, the document fails like a single scan would.
 */
export async function convertImages(parts: readonly ConvertInput[], options: ConvertImagesOptions = {}): Promise<Converted['minutes']> {
  return (await convertImagesWithText(parts, options)).minutes;
}

export async function convertImagesWithText(parts: readonly ConvertInput[], options: ConvertImagesOptions = {}): Promise<Converted> {
  const loaded = await Promise.all(parts.map(async (p, i) => {
    if (p instanceof Uint8Array) return { bytes: p, name: options.partNames?.[i] ?? `part ${i + 1}` };
    const file = p instanceof URL ? p.pathname : p;
    return { bytes: await readFileBytes(file), name: options.partNames?.[i] ?? file };
  }));
  const file = options.fileName ?? '<images>';
  const t0 = performance.now();
  const { OcrPool } = await import('./ocr/pool.js');
  const pool: OcrPool = options.ocrPool ?? new OcrPool({ jobs: options.jobs, lang: options.lang, engine: options.ocrEngine });
  const read: { pages: RawPage[]; warnings: Warning[] }[] = [];
  let done = 0;
  try {
    options.onProgress?.({ file, pagesDone: 0, pagesTotal: loaded.length });
    await forEachLimited(loaded, pool.jobs, async (part, i) => {
      const partOptions = { ...options, ocrPool: pool, pages: undefined, onProgress: undefined, fileName: part.name };
      try {
        const doc = await readInput(part.bytes, part.name, partOptions);
        read[i] = { pages: doc.pages, warnings: doc.warnings.map((w) => ({ ...w, message: `${part.name}: ${w.message}` })) };
      } catch (error) {
        if (!(error instanceof OcrError && error.code === 'ocr-timeout')) throw error;
        const empty: RawPage = { number: 1, lines: [], source: 'ocr', ocrConfidence: null };
        read[i] = { pages: [empty], warnings: [warning('ocr-timeout', `${part.name}: ${error.message}`, { page: 1, line: 1 })] };
      }
      options.onProgress?.({ file, pagesDone: ++done, pagesTotal: loaded.length });
    });
  } finally {
    if (!options.ocrPool) await pool.terminate();
  }
  // Renumber: part k's page n becomes page offset+n, in its lines and its warnings alike.
  const pages: RawPage[] = [];
  const warnings: Warning[] = [];
  for (const r of read) {
    const offset = pages.length;
    for (const p of r.pages) pages.push({ ...p, number: p.number + offset, lines: p.lines.map((l) => ({ ...l, page: l.page + offset })) });
    for (const w of r.warnings) warnings.push({ ...w, page: w.page === null ? null : w.page + offset });
  }
  const chosen = selectPages(options.pages, pages.length, file);
  const kept = chosen.numbers ? pages.filter((p) => chosen.numbers!.has(p.number)) : pages;
  if (chosen.warning) warnings.unshift(chosen.warning);
  failWhenOnlyTimeouts({ pages: kept, warnings }, file);
  const doc: InputDocument = { file, sha256: groupSha256(loaded.map((l) => l.bytes)), format: 'image', pages: kept, warnings };
  options.onStage?.({ stage: 'read', file, ms: performance.now() - t0, detail: { format: 'image', parts: loaded.length, pages: kept.length, ocrPages: kept.filter((p) => p.source === 'ocr').length } });
  return runStages(doc, options);
}
