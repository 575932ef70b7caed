import { describe, expect, it } from 'vitest';
import { scopeScanCache } from '#use-cases/scope-scan-cache.ts';
import { MemoryScanCache } from '../helpers/memory-scan-cache.ts';

describe('scopeScanCache', () => {
  it("gives each scope its own rows of one shared cache: neither loads nor deletes the other's", async () => {
    const shared = new MemoryScanCache();
    const main = scopeScanCache(shared, '');
    const other = scopeScanCache(shared, 'private-repo');

    await main.saveScanEntries([{ path: 'RCAs/a.md', blob: 'b1', data: 'main' }]);
    await other.saveScanEntries([{ path: 'RCAs/a.md', blob: 'b2', data: 'private' }]);
    await main.deleteScanPaths(['RCAs/gone.md']);
    await other.deleteScanPaths(['RCAs/gone.md']);

    expect(await main.loadScanCache()).toEqual([{ path: 'RCAs/a.md', blob: 'b1', data: 'main' }]);
    expect(await other.loadScanCache()).toEqual([{ path: 'RCAs/a.md', blob: 'b2', data: 'private' }]);
    expect([...shared.rows.keys()].sort()).toEqual(['/private-repo/RCAs/a.md', 'RCAs/a.md']);

    await other.deleteScanPaths(['RCAs/a.md']);

    expect(await other.loadScanCache()).toEqual([]);
    expect(await main.loadScanCache()).toHaveLength(1);
  });
});
