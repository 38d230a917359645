// The review site on disk: one page per document with its page images, an index, and what a rerun needs to skip.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchRecord, BatchReview } from '../batch/run.js';
import type { InputFile } from '../batch/walk.js';
import type { Conversion } from '../convert.js';
import { OutputError } from '../errors.js';
import { writeFileAtomic } from '../output/write.js';
import { SCHEMA_VERSION } from '../schema/minutes.js';
import { documentPage, type PageImageRef } from './document-page.js';
import { PAGE_IMAGE, pageImages } from './images.js';
import { indexPage } from './index-page.js';
import { convertedRow, failedRow, type IndexRow } from './rows.js';

/** Bumped when pages change shape, so a rerun writes every page again instead of skipping old ones. */
export const REVIEW_FORMAT = 1;
const MARKER = 'review.json';
/** Warnings that say a PDF page could not be read within its time or memory limit. */
const UNREADABLE_PAGE: ReadonlySet<string> = new Set(['pdf-page-timeout', 'pdf-page-memory']);
const ASSETS = fileURLToPath(new URL('../../assets/review/', import.meta.url));

export interface ReviewSiteOptions {
  /** For drawing the pages of encrypted PDFs. */
  password?: string;
  /** Title of the index page. */
  title?: string;
  /**
   * Remove the pages of inputs that are not in this batch (default true). A shard of a batch (--shard) sees only its
   * own inputs, so it must leave the others' pages alone.
   */
  prune?: boolean;
}

/** What a page's stored record says, so a rerun can list a skipped input without converting it again. */
interface StoredReview {
  format: number;
  schemaVersion: number;
  sha256: string;
  row: IndexRow;
}

export interface SiteSummary {
  dir: string;
  documents: number;
  bytes: number;
}

export class ReviewSite implements BatchReview {
  /** Each input's place in the site (its relative path, made unique), by input path. */
  private readonly places = new Map<string, string>();
  private readonly rows = new Map<string, IndexRow>();

  private constructor(readonly dir: string, private readonly files: readonly InputFile[], private readonly options: ReviewSiteOptions) {
    const taken = new Set<string>();
    // An input's name in the batch (its path below its folder, under its own name when several were given) is its place.
    for (const f of files) {
      const base = f.relative.split(path.sep).join('/').replace(/^(\.\.?\/)+/, '') || 'input';
      let place = base;
      for (let n = 2; taken.has(place.toLowerCase()); n++) place = `${base}~${n}`;
      taken.add(place.toLowerCase());
      this.places.set(f.path, place);
    }
  }

  /** Opens (or starts) a site in `dir`. A folder that holds anything else is refused rather than written into. */
  static async open(dir: string, files: readonly InputFile[], options: ReviewSiteOptions = {}): Promise<ReviewSite> {
    const entries = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw new OutputError('output-failed', `cannot use as review folder: ${error.message}`, { file: dir, cause: error });
    });
    const ours = entries.includes(MARKER);
    if (!ours && entries.filter((e) => !e.startsWith('.')).length > 0) {
      throw new OutputError('output-failed', 'the folder is not empty and holds no protokoll review site; give a new or empty folder for --review', { file: dir });
    }
    try {
      await fs.mkdir(path.join(dir, 'assets'), { recursive: true });
      for (const name of await fs.readdir(ASSETS)) await fs.copyFile(path.join(ASSETS, name), path.join(dir, 'assets', name));
      await writeFileAtomic(path.join(dir, MARKER), JSON.stringify({ generator: 'protokoll review', format: REVIEW_FORMAT }, null, 2) + '\n');
    } catch (error) {
      if (error instanceof OutputError) throw error;
      throw new OutputError('output-failed', `cannot write the review site: ${(error as Error).message}`, { file: dir, cause: error });
    }
    return new ReviewSite(dir, files, options);
  }

  private place(input: InputFile): string {
    return this.places.get(input.path) ?? input.relative;
  }

  private pagePath(place: string): string { return `docs/${place}.html`; }
  private imagePath(place: string, page: number): string { return `pages/${place}/${page}.${PAGE_IMAGE.extension}`; }
  private recordPath(place: string): string { return path.join(this.dir, 'data', `${place}.json`); }

  async isCurrent(input: InputFile, sha256: string): Promise<boolean> {
    const place = this.place(input);
    let stored: StoredReview;
    try {
      stored = JSON.parse(await fs.readFile(this.recordPath(place), 'utf8')) as StoredReview;
      await fs.access(path.join(this.dir, this.pagePath(place)));
    } catch {
      return false;
    }
    if (stored.format !== REVIEW_FORMAT || stored.schemaVersion !== SCHEMA_VERSION || stored.sha256 !== sha256) return false;
    this.rows.set(input.path, { ...stored.row, status: 'skipped' });
    return true;
  }

  async add(input: InputFile, bytes: Uint8Array | readonly Uint8Array[], conversion: Conversion): Promise<void> {
    const place = this.place(input);
    const self = this.pagePath(place);
    const images = new Map<number, PageImageRef>();
    const pagesDir = path.join(this.dir, 'pages', place);
    try {
      await fs.rm(pagesDir, { recursive: true, force: true });
      if (conversion.minutes.source.format !== 'text') await fs.mkdir(pagesDir, { recursive: true });
      // Only the pages the document was made of (--pages can leave some out), numbered as in the document.
      const pages = new Set(conversion.pages.map((p) => p.number));
      // A page that ran out of time or memory while being read is not drawn again: it would cost as much a second time.
      const unreadable = new Map(conversion.minutes.warnings.filter((w) => UNREADABLE_PAGE.has(w.code) && w.page !== null).map((w) => [w.page!, w.message]));
      for await (const image of pageImages(bytes, conversion.minutes.source.format, input.path, { password: this.options.password, pages, unreadable })) {
        if (!image.data) {
          images.set(image.page, { path: null, problem: image.problem });
          continue;
        }
        const at = this.imagePath(place, image.page);
        // Not atomic: the page's record, written last, is what says the review is complete.
        await fs.writeFile(path.join(this.dir, at), image.data);
        images.set(image.page, { path: at, problem: null });
      }
    } catch (error) {
      throw new OutputError('output-failed', `cannot write the review's page images: ${(error as Error).message}`, { file: input.path, cause: error });
    }
    await writeFileAtomic(path.join(this.dir, self), documentPage({ file: place, self, conversion, images }));
    const row = convertedRow(place, self, conversion.minutes);
    const stored: StoredReview = { format: REVIEW_FORMAT, schemaVersion: SCHEMA_VERSION, sha256: conversion.minutes.source.sha256, row };
    await writeFileAtomic(this.recordPath(place), JSON.stringify(stored) + '\n');
    this.rows.set(input.path, row);
  }

  /**
   * Writes the index for this run's inputs in their order (failed ones with their reason), the order documents are
   * paged through, and removes pages of inputs no longer in the batch. Returns what the batch summary reports.
   */
  async finish(records: readonly BatchRecord[], problems: ReadonlyArray<{ path: string; message: string }> = []): Promise<SiteSummary> {
    const byPath = new Map(records.map((r) => [r.path, r]));
    const rows: IndexRow[] = [];
    for (const p of problems) rows.push(failedRow(p.path, p.message));
    for (const f of this.files) {
      const record = byPath.get(f.path);
      if (!record) continue;
      const row = this.rows.get(f.path);
      if (record.status === 'interrupted' || record.status === 'not-started') rows.push(failedRow(this.place(f), record.status === 'interrupted' ? 'the batch was stopped while it was being converted' : 'the batch was stopped before its turn came', record.status));
      else if (record.status === 'failed' || !row) rows.push(failedRow(this.place(f), record.reason ?? 'unknown'));
      else rows.push({ ...row, status: record.status });
    }
    try {
      if (this.options.prune !== false) await this.prune();
      const order = rows.filter((r) => r.href).map((r) => r.href);
      await writeFileAtomic(path.join(this.dir, 'order.js'), `window.REVIEW_ORDER = ${JSON.stringify(order)};\n`);
      await writeFileAtomic(path.join(this.dir, 'index.html'), indexPage(rows, this.options.title));
    } catch (error) {
      if (error instanceof OutputError) throw error;
      throw new OutputError('output-failed', `cannot write the review index: ${(error as Error).message}`, { file: this.dir, cause: error });
    }
    return { dir: this.dir, documents: rows.length, bytes: await folderBytes(this.dir) };
  }

  /** Pages of inputs that are not in this batch (renamed or removed since an earlier run) would only mislead. */
  private async prune(): Promise<void> {
    const wanted = new Set(this.files.map((f) => `${this.place(f)}.json`));
    const dataDir = path.join(this.dir, 'data');
    for (const rel of await filesUnder(dataDir)) {
      if (wanted.has(rel) || !rel.endsWith('.json')) continue;
      const place = rel.slice(0, -'.json'.length);
      await fs.rm(path.join(dataDir, rel), { force: true });
      await fs.rm(path.join(this.dir, this.pagePath(place)), { force: true });
      await fs.rm(path.join(this.dir, 'pages', place), { recursive: true, force: true });
    }
  }
}

/** Files under a folder, as '/'-separated paths relative to it; none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const rel of await filesUnder(dir)) total += (await fs.stat(path.join(dir, rel)).catch(() => ({ size: 0 }))).size;
  return total;
}
