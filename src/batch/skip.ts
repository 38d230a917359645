// Decides whether an existing output is up to date, reading only its schemaVersion and source.sha256.
import fs from 'node:fs/promises';
import { SCHEMA_VERSION } from '../schema/minutes.js';

/** Both fields sit at the top of every output, so a small head of the file is enough (no full parse). */
const HEAD_BYTES = 16 * 1024;

/** The schemaVersion and source.sha256 recorded in an output (JSON or YAML), or null when absent. */
export async function recordedIdentity(outputPath: string): Promise<{ schemaVersion: number; sha256: string } | null> {
  let head: string;
  try {
    const handle = await fs.open(outputPath, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
      head = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  // Matches both `"schemaVersion": 1` (JSON) and `schemaVersion: 1` (YAML).
  const version = /"?schemaVersion"?\s*:\s*(\d+)/.exec(head);
  const hash = /"?sha256"?\s*:\s*"?([0-9a-f]{64})\b/.exec(head);
  if (!version || !hash) return null;
  return { schemaVersion: Number(version[1]), sha256: hash[1]! };
}

/** True when the output was made from exactly these input bytes under the current schema version. */
export async function isUpToDate(outputPath: string, inputSha256: string): Promise<boolean> {
  const id = await recordedIdentity(outputPath);
  return id !== null && id.schemaVersion === SCHEMA_VERSION && id.sha256 === inputSha256;
}

/** Warning codes recorded in an existing output (JSON, YAML, or Markdown front matter); [] when unreadable. */
export async function recordedWarnings(outputPath: string): Promise<string[]> {
  try {
    const text = await fs.readFile(outputPath, 'utf8');
    const { parseYaml } = await import('../output/yaml.js');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
    const value = (text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(front ? front[1]! : text)) as { warnings?: unknown };
    if (!Array.isArray(value?.warnings)) return [];
    return value.warnings.map((w) => (typeof w === 'string' ? w : String((w as { code?: unknown })?.code ?? 'unknown')));
  } catch {
    return [];
  }
}
