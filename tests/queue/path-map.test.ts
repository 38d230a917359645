// --path-map: a worker that mounts the share elsewhere rewrites the queued paths.
import { describe, expect, it } from 'vitest';
import { parsePathMapping, pathMapper } from '../../src/queue/path-map.js';

describe('path mapping', () => {
  it('rewrites the longest matching prefix, by whole path components', () => {
    const map = pathMapper(['/archive=/mnt/archive', '/archive/out=/fast/out'].map(parsePathMapping));
    expect(map('/archive/in/a.pdf')).toBe('/mnt/archive/in/a.pdf');
    expect(map('/archive/out/a.json')).toBe('/fast/out/a.json');
    expect(map('/archive')).toBe('/mnt/archive');
    expect(map('/archive2/a.pdf')).toBe('/archive2/a.pdf');
    expect(map('/elsewhere/a.pdf')).toBe('/elsewhere/a.pdf');
  });
  it('ignores trailing slashes', () => {
    expect(pathMapper([parsePathMapping('/archive/=/mnt/archive/')])('/archive/a')).toBe('/mnt/archive/a');
  });
  it('refuses anything but FROM=TO with two absolute folders', () => {
    for (const bad of ['/archive', '=/mnt', '/archive=', 'archive=/mnt', '/archive=mnt']) expect(() => parsePathMapping(bad), bad).toThrow(/FROM=TO/);
  });
});
