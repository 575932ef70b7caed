import type { ScanCache, ScanCacheRow } from '#src/ports/store/scan-cache.ts';

/** `ScanCache` in memory, as `KyselyIncidentStore` keeps it: one row per path, a save replacing it. */
export class MemoryScanCache implements ScanCache {
  readonly rows = new Map<string, ScanCacheRow>();

  async loadScanCache(): Promise<ScanCacheRow[]> {
    return [...this.rows.values()].map((row) => ({ ...row }));
  }

  async saveScanEntries(entries: ScanCacheRow[]): Promise<void> {
    for (const { path, blob, data } of entries) this.rows.set(path, { path, blob, data });
  }

  async deleteScanPaths(paths: string[]): Promise<void> {
    for (const path of paths) this.rows.delete(path);
  }
}
