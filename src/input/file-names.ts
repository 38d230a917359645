// File names that are not valid UTF-8 (Latin-1 names from old Windows archives): shown as Windows-1252, read by their bytes.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** Display path → the bytes of the real path, for every path whose name could not be decoded as UTF-8. */
const rawPaths = new Map<string, Buffer>();

/** A directory entry's name as text: UTF-8 when it is, else read as Windows-1252 (and marked as not UTF-8). */
export function decodeName(bytes: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: utf8.decode(bytes), utf8: true };
  } catch {
    return { name: cp1252.decode(bytes), utf8: false };
  }
}

/** Records that the file shown as `display` is opened by these bytes. */
export function registerRawPath(display: string, bytes: Buffer): void {
  rawPaths.set(display, bytes);
}

/** What to open for a path: its bytes when its name is not UTF-8, else the path itself. */
export function openablePath(display: string): string | Buffer {
  return rawPaths.get(display) ?? display;
}
