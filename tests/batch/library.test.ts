// The library side: convert() on a Buffer returns the validated document or throws a typed error; runBatch is importable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, expandInputs, InputError, repair, runBatch, schema, summarize } from '../../src/index.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { minutes, tempDir, writeTree } from './tree.js';

describe('library API', () => {
  it('converts a Buffer and a path, and throws typed errors with a code', async () => {
    const doc = await convert(Buffer.from(minutes(1)), { fileName: 'x.txt' });
    expect(schema.parse(doc)).toEqual(doc);
    expect(typeof repair).toBe('function');
    await expect(convert(Buffer.alloc(0), { fileName: 'e.txt' })).rejects.toMatchObject({ code: 'input-empty' });
    await expect(convert('/nonexistent/x.txt')).rejects.toBeInstanceOf(InputError);
  });

  it('runBatch streams records without holding documents', async () => {
    const input = writeTree(path.join(tempDir(), 'in'), { 'a.txt': minutes(1), 'b.txt': '' });
    const { files } = await expandInputs([input]);
    const seen: string[] = [];
    const result = await runBatch(files, { format: 'ndjson', jobs: 2, emit: (t) => seen.push(t) });
    expect(seen).toHaveLength(1);
    expect(summarize(result, files.length)).toMatchObject({ converted: 1, failed: 1, skipped: 0 });
    expect(Object.keys(result.records[0]!)).not.toContain('document');
  });

  it('a single input still goes to stdout with nothing on stderr; a broken one gives one error line and exit 1', async () => {
    const input = writeTree(path.join(tempDir(), 'in'), { 'a.txt': minutes(1), 'b.txt': '' });
    const io = fakeIo();
    expect(await run(['convert', path.join(input, 'a.txt')], io)).toBe(0);
    expect(JSON.parse(io.stdout()).source.file).toBe('a.txt');
    expect(io.stderr()).toBe('');
    const bad = fakeIo();
    expect(await run(['convert', path.join(input, 'b.txt')], bad)).toBe(1);
    expect(bad.stderr()).toBe(`protokoll: ${path.join(input, 'b.txt')}: the file is empty\n`);
    expect(bad.stdout()).toBe('');
  });
});
