// Expands command-line inputs into files: folders are walked recursively, in natural order, and every file left out is listed with its reason.
import fs from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { detectType } from '../input/detect.js';
import { decodeName, openablePath, registerRawPath } from '../input/file-names.js';

/** Names that say "protokoll input" on their own; any other file is judged by its first bytes. */
export const INPUT_EXTENSIONS = new Set(['.pdf', '.txt', '.md', '.markdown', '.text', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.gif', '.bmp', '.webp']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.gif', '.bmp', '.webp']);
/** Enough for the PDF header (which may follow up to a kilobyte of junk) and every image signature. */
const SNIFF_BYTES = 1024;

export interface InputFile {
  /** Path as given or found. `-` is standard input; a folder for a `--group folder` document. */
  path: string;
  /**
   * The input's name under --out and in `source.file`: its path below the folder it was found in, with `/`
   * separators; with several command-line inputs, that path starts with the input's own name.
   */
  relative: string;
  /** A document made of page images (`--group folder`): the image files in page order. */
  parts?: string[];
}

/** A command-line input that cannot be used at all (missing, unreadable): counted as a failure. */
export interface WalkProblem { path: string; message: string }

export type WalkSkipCode = 'hidden' | 'symlink' | 'symlink-broken' | 'symlink-loop' | 'duplicate' | 'unsupported' | 'excluded' | 'not-included' | 'output-folder' | 'unreadable';

/** A file or folder the walk left out on purpose, and why. */
export interface WalkSkip { path: string; code: WalkSkipCode; reason: string }

export interface WalkOptions {
  /** Follow symbolic links to files and folders (each real folder is walked once, so loops end). */
  followSymlinks?: boolean;
  /** Globs a file must match (path below its input folder; a pattern without `/` matches the base name). */
  include?: readonly string[];
  /** Globs that leave a file or folder out (same matching as include). */
  exclude?: readonly string[];
  /** `folder`: the page images of each folder are one document, in natural order. Default `file`. */
  group?: 'file' | 'folder';
  /** Folders never walked (the output folder, when it lies inside an input). */
  skipFolders?: readonly string[];
}

export interface Walked { files: InputFile[]; problems: WalkProblem[]; skipped: WalkSkip[] }

/** "page2" before "page10", case-insensitively: the order a person numbers scans in. */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

export async function expandInputs(inputs: readonly string[], options: WalkOptions = {}): Promise<Walked> {
  const walked: Walked = { files: [], problems: [], skipped: [] };
  const labels = rootLabels(inputs);
  const state: WalkState = {
    options,
    walked,
    include: globMatcher(options.include),
    exclude: globMatcher(options.exclude),
    seenFiles: new Map(),
    seenFolders: new Map(),
    skipFolders: new Set(await Promise.all((options.skipFolders ?? []).map(realOrResolved))),
  };
  for (const [i, input] of inputs.entries()) {
    if (input === '-') {
      walked.files.push({ path: '-', relative: 'stdin' });
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Node decodes arguments as UTF-8, so a name in another encoding arrives damaged and cannot be opened.
      const missing = input.includes('\ufffd') ? 'the name is not valid UTF-8, which Node cannot pass on; give the folder that holds it instead' : 'no such file or folder';
      walked.problems.push({ path: input, message: code === 'ENOENT' ? missing : (error as Error).message });
      continue;
    }
    const label = labels[i]!;
    if (stat.isDirectory()) {
      const real = await realOrResolved(input);
      const first = state.seenFolders.get(real);
      if (first !== undefined) {
        walked.skipped.push({ path: input, code: 'duplicate', reason: `the same folder as ${first}` });
        continue;
      }
      state.seenFolders.set(real, input);
      await walkFolder(state, input, label, label || path.basename(path.resolve(input)));
    } else {
      // Named directly: taken whatever its name says (its type is told from its bytes when it is read).
      if (await isDuplicateFile(state, input)) continue;
      walked.files.push({ path: input, relative: label || path.basename(input) });
    }
  }
  return walked;
}

/**
 * Globs as gitignore reads them: a pattern with a `/` matches the path below the input folder, one without
 * matches the base name (picomatch's own `basename` option would apply that to every pattern).
 */
export function globMatcher(patterns: readonly string[] | undefined): ((rel: string) => boolean) | null {
  if (!patterns?.length) return null;
  const withSlash = patterns.filter((p) => p.includes('/')).map((p) => p.replace(/^\.?\//, ''));
  const bare = patterns.filter((p) => !p.includes('/'));
  const full = withSlash.length ? picomatch(withSlash, { dot: true }) : null;
  const base = bare.length ? picomatch(bare, { dot: true }) : null;
  return (rel) => Boolean(full?.(rel) || base?.(path.posix.basename(rel)));
}

interface WalkState {
  options: WalkOptions;
  walked: Walked;
  include: ((rel: string) => boolean) | null;
  exclude: ((rel: string) => boolean) | null;
  /** Real path → the path it was first found under, so a file reached twice (links) is converted once. */
  seenFiles: Map<string, string>;
  seenFolders: Map<string, string>;
  skipFolders: Set<string>;
}

/**
 * With one input its tree is mirrored as it is. With several, each is placed under its own name — the shortest
 * tail of its absolute path that no other input shares — so `a/x.txt` and `b/x.txt`, or two folders both named
 * `in`, can never map to one output.
 */
export function rootLabels(inputs: readonly string[]): string[] {
  if (inputs.length <= 1) return inputs.map(() => '');
  const parts = inputs.map((p) => path.resolve(p).split(path.sep).filter(Boolean));
  return parts.map((segs, i) => {
    if (inputs[i] === '-') return 'stdin';
    for (let k = 1; k <= segs.length; k++) {
      const tail = segs.slice(-k).join('/');
      const clash = parts.some((other, j) => j !== i && inputs[j] !== '-' && other.slice(-k).join('/') === tail && other.join('/') !== segs.join('/'));
      if (!clash) return tail || 'root';
    }
    return segs.join('/') || 'root';
  });
}

const join = (a: string, b: string): string => (a ? `${a}/${b}` : b);

/**
 * `within` is the path below the input folder (what --include/--exclude see); `label` prefixes it in the
 * input's name; `groupName` names a `--group folder` document made of this folder's own images.
 */
async function walkFolder(state: WalkState, dir: string, label: string, groupName: string, within = ''): Promise<void> {
  const { walked, options } = state;
  let entries;
  try {
    entries = await readFolder(dir);
  } catch (error) {
    walked.skipped.push({ path: dir, code: 'unreadable', reason: `cannot read the folder: ${(error as Error).message}` });
    return;
  }
  entries.sort((a, b) => naturalCompare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const images: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.raw) registerRawPath(full, e.raw);
    const rel = join(within, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.name.startsWith('.')) {
      walked.skipped.push({ path: full, code: 'hidden', reason: isDir ? 'hidden folder' : 'hidden file' });
      continue;
    }
    if (e.isSymbolicLink()) {
      if (!options.followSymlinks) {
        walked.skipped.push({ path: full, code: 'symlink', reason: 'symbolic link (not followed without --follow-symlinks)' });
        continue;
      }
      const target = await fs.stat(openablePath(full)).catch(() => null);
      if (!target) {
        walked.skipped.push({ path: full, code: 'symlink-broken', reason: 'broken symbolic link' });
        continue;
      }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) {
      if (e.name === 'node_modules') {
        walked.skipped.push({ path: full, code: 'unsupported', reason: 'a node_modules folder' });
        continue;
      }
      if (state.exclude?.(rel)) {
        walked.skipped.push({ path: full, code: 'excluded', reason: 'matches --exclude' });
        continue;
      }
      const real = await realOrResolved(full);
      if (state.skipFolders.has(real)) {
        walked.skipped.push({ path: full, code: 'output-folder', reason: 'the output folder' });
        continue;
      }
      const first = state.seenFolders.get(real);
      if (first !== undefined) {
        // Only links can lead back to a folder already walked: an ancestor (a loop) or another link to it.
        const loop = path.resolve(full).startsWith(path.resolve(first) + path.sep);
        walked.skipped.push({ path: full, code: 'symlink-loop', reason: loop ? `a link back to ${first} (a loop)` : `the same folder as ${first}` });
        continue;
      }
      state.seenFolders.set(real, full);
      await walkFolder(state, full, label, join(label, rel), rel);
      continue;
    }
    if (!isFile) {
      walked.skipped.push({ path: full, code: 'unsupported', reason: 'not a regular file' });
      continue;
    }
    if (state.exclude?.(rel)) {
      walked.skipped.push({ path: full, code: 'excluded', reason: 'matches --exclude' });
      continue;
    }
    if (state.include && !state.include(rel)) {
      walked.skipped.push({ path: full, code: 'not-included', reason: 'does not match --include' });
      continue;
    }
    const kind = await kindOf(full, e.name);
    if (kind.take === null) {
      walked.skipped.push({ path: full, code: kind.code, reason: kind.reason });
      continue;
    }
    if (await isDuplicateFile(state, full)) continue;
    if (options.group === 'folder' && kind.take === 'image') images.push(full);
    else walked.files.push({ path: full, relative: join(label, rel) });
  }
  if (images.length) walked.files.push({ path: dir, relative: groupName, parts: images });
}

type Kind = { take: 'image' | 'document' } | { take: null; code: WalkSkipCode; reason: string };

/** By name when the name says it is an input; otherwise by its first bytes (a PDF or image without a telling name). */
async function kindOf(file: string, name: string): Promise<Kind> {
  const ext = path.extname(name).toLowerCase();
  if (IMAGE_EXTENSIONS.has(ext)) return { take: 'image' };
  if (INPUT_EXTENSIONS.has(ext)) return { take: 'document' };
  let head: Uint8Array;
  try {
    const handle = await fs.open(openablePath(file), 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { take: null, code: 'unreadable', reason: `cannot read the file: ${(error as Error).message}` };
  }
  const type = detectType(head);
  switch (type.kind) {
    case 'pdf': return { take: 'document' };
    case 'image': return { take: 'image' };
    case 'empty': return { take: null, code: 'unsupported', reason: 'empty, and its name gives no type' };
    case 'binary': return { take: null, code: 'unsupported', reason: `not a PDF, image or text file: it looks like ${type.what}` };
    case 'text':
      return { take: null, code: 'unsupported', reason: `text whose name does not end in ${[...TEXT_EXTENSIONS].join(', ')} (name it on the command line to convert it)` };
  }
}

async function isDuplicateFile(state: WalkState, file: string): Promise<boolean> {
  const real = await realOrResolved(file);
  const first = state.seenFiles.get(real);
  if (first !== undefined) {
    state.walked.skipped.push({ path: file, code: 'duplicate', reason: `the same file as ${first}` });
    return true;
  }
  state.seenFiles.set(real, file);
  return false;
}

/** A key for the real path: its bytes read as Latin-1, so two names that are not UTF-8 never look alike. */
async function realOrResolved(p: string): Promise<string> {
  const real = await fs.realpath(openablePath(p), { encoding: 'buffer' }).catch(() => Buffer.from(path.resolve(p)));
  return real.toString('latin1');
}

interface FolderEntry {
  name: string;
  /** The entry's path as bytes, when its name (or a folder's above it) is not UTF-8; null otherwise. */
  raw: Buffer | null;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * A folder's entries, their names read as bytes: a name that is not UTF-8 (Latin-1 archives) is shown as
 * Windows-1252 and opened by its bytes, where a string would have turned it into one that names no file.
 */
async function readFolder(dir: string): Promise<FolderEntry[]> {
  const opened = openablePath(dir);
  const rawDir = typeof opened === 'string' ? null : opened;
  const entries = await fs.readdir(opened, { withFileTypes: true, encoding: 'buffer' });
  return entries.map((e) => {
    const bytes = e.name as unknown as Buffer;
    const { name, utf8 } = decodeName(bytes);
    const raw = rawDir || !utf8 ? Buffer.concat([rawDir ?? Buffer.from(dir), Buffer.from(path.sep), bytes]) : null;
    return { name, raw, isDirectory: () => e.isDirectory(), isFile: () => e.isFile(), isSymbolicLink: () => e.isSymbolicLink() };
  });
}
