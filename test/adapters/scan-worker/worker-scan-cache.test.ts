import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openScanCacheWriter } from '#adapters/store/scan-cache-writer.ts';
import { scanCacheFile } from '#adapters/store/sqlite-scan-cache-file.ts';
import { noteSkipped, STORE_FACTORIES, sqliteFactory } from '../../helpers/stores.ts';

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`the index thread's own connection to the scan cache, on ${factory.name}`, () => {
    it('loads what the store holds, and saves and deletes rows where the store reads them', async () => {
      const { store } = await factory.create();
      await store.saveScanEntries([
        { path: 'RCAs/a.md', blob: 'b1', data: '{}' },
        { path: '/private-repo/RCAs/b.md', blob: 'b2', data: '{}' },
      ]);
      const own = openScanCacheWriter(store.location!);

      const loaded = await own.loadScanCache();
      await own.saveScanEntries([{ path: 'RCAs/c.md', blob: 'b3', data: '{"x":1}' }]);
      await own.deleteScanPaths(['RCAs/a.md', 'RCAs/never-cached.md']);
      await own.close();

      expect(loaded.map((row) => row.path).sort()).toEqual(['/private-repo/RCAs/b.md', 'RCAs/a.md']);
      expect((await store.loadScanCache()).map((row) => row.path).sort()).toEqual([
        '/private-repo/RCAs/b.md',
        'RCAs/c.md',
      ]);
      await store.close();
    });
  });
}

describe('the scan cache on SQLite, a file of its own', () => {
  it('takes inbox writes while the scan cache is locked for writing', async () => {
    const { store, url } = await sqliteFactory.create();
    // Another connection holding the scan cache's write lock, as the worker does mid-transaction.
    const writer = new SqliteDatabase(scanCacheFile(url));
    writer.exec('begin immediate');
    writer.prepare('insert into rca_scan_cache (path, blob, data) values (?, ?, ?)').run('RCAs/x.md', 'b', '{}');

    const recorded = await store.recordEvent('EvWhileLocked', '{}', new Date().toISOString());

    writer.exec('commit');
    writer.close();
    expect(recorded).toBeTruthy();
    expect((await store.loadScanCache()).map((row) => row.path)).toEqual(['RCAs/x.md']);
    await store.close();
  });

  it('is written by the worker’s writer where the store reads it', async () => {
    const { store } = await sqliteFactory.create();
    const writer = openScanCacheWriter(store.location!);

    await writer.saveScanEntries([{ path: 'RCAs/a.md', blob: 'b1', data: '{}' }]);
    await writer.saveScanEntries([{ path: 'RCAs/a.md', blob: 'b2', data: '{"x":1}' }]);
    await writer.close();

    expect(await store.loadScanCache()).toEqual([{ path: 'RCAs/a.md', blob: 'b2', data: '{"x":1}' }]);
    await store.close();
  });
});
