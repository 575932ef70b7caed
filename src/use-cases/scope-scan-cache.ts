import type { ScanCache, ScanCacheRow } from '#src/ports/store/scan-cache.ts';

/**
 * One repository's share of the store's scan cache, so that two indexes (the main RCA repository's
 * and the private incidents' own) never load, or delete as gone, each other's rows. The main
 * repository's rows keep their paths as they are (so a cache written before there were scopes stays
 * good); a scope's rows are kept under `/<scope>/<path>`, which no git path can be, as git paths never
 * start with "/".
 */
export function scopeScanCache(cache: ScanCache, scope: string): ScanCache {
  if (scope === '') {
    return {
      loadScanCache: async () => (await cache.loadScanCache()).filter((row) => !row.path.startsWith('/')),
      saveScanEntries: (entries) => cache.saveScanEntries(entries),
      deleteScanPaths: (paths) => cache.deleteScanPaths(paths),
    };
  }
  const prefix = `/${scope}/`;
  const outer = (row: ScanCacheRow): ScanCacheRow => ({ ...row, path: `${prefix}${row.path}` });
  return {
    loadScanCache: async () =>
      (await cache.loadScanCache())
        .filter((row) => row.path.startsWith(prefix))
        .map((row) => ({ ...row, path: row.path.slice(prefix.length) })),
    saveScanEntries: (entries) => cache.saveScanEntries(entries.map(outer)),
    deleteScanPaths: (paths) => cache.deleteScanPaths(paths.map((path) => `${prefix}${path}`)),
  };
}
