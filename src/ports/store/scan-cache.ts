/** A cached scan result: what one RCA file yielded at one blob. */
export interface ScanCacheRow {
  path: string;
  blob: string;
  data: string;
}

/** What each RCA file yielded at a blob, so unchanged files are never read twice. */
export interface ScanCache {
  loadScanCache(): Promise<ScanCacheRow[]>;
  saveScanEntries(entries: ScanCacheRow[]): Promise<void>;
  deleteScanPaths(paths: string[]): Promise<void>;
}
