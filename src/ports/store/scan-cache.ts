/** A cached scan result: what one RCA file yielded at one blob. */
export interface ScanCacheRow {
  path: string;
  blob: string;
  data: string;
}

/** What each RCA file yielded at a blob, so unchanged files are never read twice. */
export interface ScanCache {
  /** Every cached row, in no particular order. */
  loadScanCache(): Promise<ScanCacheRow[]>;
  /** Keeps each row, replacing what was cached for its path. */
  saveScanEntries(entries: ScanCacheRow[]): Promise<void>;
  /** Forgets the paths (files deleted from the repository); unknown paths are no matter. */
  deleteScanPaths(paths: string[]): Promise<void>;
}
