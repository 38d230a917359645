// A full disk: writes fail with ENOSPC half-way; the batch stops with a clear message and leaves no partial or temp file.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  // Temp files of atomic writes get half their content, then the disk is "full".
  const open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    if (!String(args[0]).endsWith('.tmp')) return handle;
    return new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop === 'writeFile') {
          return async (data: string) => {
            await target.writeFile(data.slice(0, data.length >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

const { run } = await import('../../src/cli/main.js');
const { fakeIo } = await import('../cli/fake-io.js');
const { listTree, minutes, tempDir, writeTree } = await import('./tree.js');

describe('full disk', () => {
  it('stops the batch with a clear message, exit 1, no partial or temporary files', async () => {
    const root = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`s/m${i}.txt`] = minutes(i);
    const input = writeTree(path.join(root, 'in'), files);
    const out = path.join(root, 'out');
    const io = fakeIo();
    expect(await run(['convert', input, '-o', out, '-j', '1'], io)).toBe(1);
    const err = io.stderr();
    expect(err).toContain(`protokoll: ${path.join(input, 's/m0.txt')}: cannot write ${path.join(out, 's/m0.txt.json')}: no space left on the device\n`);
    expect(err).toMatch(/Stopped early: cannot write .*no space left on the device; 5 of 6 inputs not converted/);
    expect(listTree(out)).toEqual([]);
    expect(io.stdout()).toBe('');
  });
});
