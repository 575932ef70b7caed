import { describe, expect, it } from 'vitest';
import type { ScanCache, ScanCacheRow } from '#src/ports/store/scan-cache.ts';
import type { RoleHandle } from './role-handle.ts';

const byPath = (rows: ScanCacheRow[]) => [...rows].sort((a, b) => a.path.localeCompare(b.path));

/** What every `ScanCache` keeps: one row per path, the latest saved, until the path is deleted. */
export function describeScanCacheContract(name: string, make: () => Promise<RoleHandle<ScanCache>>): void {
  describe(`ScanCache contract on ${name}`, () => {
    it('keeps the latest yield of each path, until the path is deleted', async () => {
      const { store, close } = await make();
      const before = await store.loadScanCache();

      await store.saveScanEntries([
        { path: 'RCAs/a.md', blob: 'b1', data: '[]' },
        { path: 'RCAs/b.md', blob: 'b2', data: '[1]' },
      ]);
      await store.saveScanEntries([{ path: 'RCAs/a.md', blob: 'b3', data: '[2]' }]);
      await store.deleteScanPaths(['RCAs/b.md', 'RCAs/never.md']);
      await store.saveScanEntries([]);
      await store.deleteScanPaths([]);

      expect(before).toEqual([]);
      expect(await store.loadScanCache()).toEqual([{ path: 'RCAs/a.md', blob: 'b3', data: '[2]' }]);
      await close();
    });

    it('saves and deletes a cold scan of thousands of files', async () => {
      const { store, close } = await make();
      const rows = Array.from({ length: 1234 }, (_, i) => ({ path: `RCAs/${i}.md`, blob: `b${i}`, data: `[${i}]` }));

      await store.saveScanEntries(rows);
      const saved = await store.loadScanCache();
      await store.deleteScanPaths(rows.slice(0, 1200).map((r) => r.path));

      expect(byPath(saved)).toEqual(byPath(rows));
      expect(byPath(await store.loadScanCache())).toEqual(byPath(rows.slice(1200)));
      await close();
    });
  });
}
