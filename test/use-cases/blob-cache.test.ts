import { describe, expect, it } from 'vitest';
import { BlobCache } from '#use-cases/blob-cache.ts';

describe('BlobCache', () => {
  it('keeps a file’s value while its blob is unchanged, takes the fresh one, and forgets files that are gone', () => {
    const cache = new BlobCache<string>();
    cache.set('a.md', 'blob-a', 'A');
    cache.set('b.md', 'blob-b', 'B');
    cache.set('c.md', 'blob-c', 'C');

    const gone = cache.keep(['c.md', 'b.md', 'd.md'], new Map([['b.md', { blob: 'blob-b2', value: 'B2' }]]));

    expect(gone).toEqual(['a.md']);
    expect(cache.entries()).toEqual([
      ['c.md', 'C'],
      ['b.md', 'B2'],
    ]);
    expect(cache.holds('b.md', 'blob-b2')).toBe(true);
    expect(cache.holds('b.md', 'blob-b')).toBe(false);
    expect(cache.blobs()).toEqual(
      new Map([
        ['c.md', 'blob-c'],
        ['b.md', 'blob-b2'],
      ]),
    );
  });
});
