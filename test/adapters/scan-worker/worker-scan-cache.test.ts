import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { GitBlobSource } from '#adapters/git/git-blob-source.ts';
import { WorkerRcaScanner } from '#adapters/scan-worker/worker-rca-scanner.ts';
import { openScanCacheWriter } from '#adapters/store/scan-cache-writer.ts';
import { scanCacheFile } from '#adapters/store/sqlite-scan-cache-file.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { git } from '../../helpers/git-repos.ts';
import { rcaWithActions, repoWith } from '../../helpers/rca-files.ts';
import { noteSkipped, STORE_FACTORIES, sqliteFactory } from '../../helpers/stores.ts';

/** A refresh's counts, with the files the index holds after it. */
const refreshed = async (index: RcaIndex) => ({ ...(await index.refresh()), files: index.held() });

const files = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [
    `RCAs/2025-03-0${i + 1}-incident.md`,
    rcaWithActions(`Incident ${i}`, [[`Fix ${i}`, '@ana', '2025-04-07']]),
  ]),
);

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`the scan worker saving the scan cache itself, on ${factory.name}`, () => {
    const scanners: WorkerRcaScanner[] = [];
    afterAll(async () => {
      for (const s of scanners) await s.close();
    });

    it('saves every batch on its own connection, which the store reads back after a restart', async () => {
      const dir = repoWith(files);
      const { store, reopen } = await factory.create();
      const scanner = new WorkerRcaScanner({ kind: 'git', dir }, { cache: store.location, batchSize: 4 });
      scanners.push(scanner);
      const marks: (boolean | undefined)[] = [];
      const saving = {
        scan: (...args: Parameters<WorkerRcaScanner['scan']>) =>
          scanner.scan(args[0], args[1], {
            onBatch: (entries, saved) => {
              marks.push(saved);
              return args[2].onBatch(entries, saved);
            },
          }),
      };

      const cold = await refreshed(new RcaIndex(saving, store, ['RCAs']));
      const restarted = reopen();
      const again = await refreshed(new RcaIndex(scanInProcess(new GitBlobSource(dir)), restarted, ['RCAs']));

      expect(marks).toEqual([true, true, true]);
      expect(cold.parsed).toBe(9);
      expect((await store.loadScanCache()).map((row) => row.path).sort()).toEqual(Object.keys(files).sort());
      expect(again.parsed).toBe(0);
      expect(again.files).toEqual(cold.files);
      await restarted.close();
      await store.close();
    });

    it('leaves a file that is gone out of the cache on the next scan', async () => {
      const dir = repoWith(files);
      const { store } = await factory.create();
      const scanner = new WorkerRcaScanner({ kind: 'git', dir }, { cache: store.location });
      scanners.push(scanner);
      const index = new RcaIndex(scanner, store, ['RCAs']);
      await refreshed(index);

      git(dir, 'rm', '-q', 'RCAs/2025-03-01-incident.md');
      git(dir, 'commit', '-qm', 'gone');
      const after = await refreshed(index);

      expect(after.files.map((f) => f.path)).not.toContain('RCAs/2025-03-01-incident.md');
      expect((await store.loadScanCache()).map((row) => row.path)).not.toContain('RCAs/2025-03-01-incident.md');
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
