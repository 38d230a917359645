// Builds small input trees in a temp folder for batch tests: good minutes, an empty file and random bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function minutes(n: number): string {
  return [
    'PROTOKOLL',
    'Styrelsemöte i Föreningen Ekbacken',
    `Datum: 2024-03-${String(10 + (n % 18)).padStart(2, '0')}`,
    'Närvarande: Anna Andersson (ordförande), Bertil Berg (sekreterare)',
    '',
    '§ 1 Mötets öppnande',
    'Ordföranden öppnade mötet.',
    '',
    `§ 2 Ekonomi ${n}`,
    'Styrelsen beslutade att godkänna budgeten.',
    '',
    'Vid protokollet',
    'Bertil Berg',
    '',
  ].join('\n');
}

export function tempDir(prefix = 'protokoll-batch-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path → content) under root and returns root. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}

/** Every file under root, relative, sorted. */
export function listTree(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

export function goodAndBroken(root: string): string {
  return writeTree(root, {
    'a.txt': minutes(1),
    'sub/b.md': minutes(2),
    'sub/deeper/c.txt': minutes(3),
    'broken/empty.txt': '',
    'broken/noise.pdf': Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256),
    'notes.json': '{}',
  });
}
