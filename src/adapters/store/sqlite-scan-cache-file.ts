import type { Database as SqliteDatabase } from 'better-sqlite3';

/** The name the store's connection attaches the scan cache's file under. */
export const SCAN_CACHE_SCHEMA = 'scan_cache';

/**
 * Changes with the table below: a file made for another version is emptied and made again, since
 * what it holds is only a cache (every RCA is read again once).
 */
const SCAN_CACHE_VERSION = 1;

/**
 * On SQLite the scan cache has a file of its own beside the store's (`scribe.sqlite` →
 * `scribe.scan-cache.sqlite`). SQLite takes one write lock per database file, so the index thread's
 * writes to it never hold the lock that the inbox writes on the main thread take; a connection that
 * met it would sleep in SQLite's busy handler with its thread blocked.
 */
export function scanCacheFile(storeFile: string): string {
  return storeFile === ':memory:' ? ':memory:' : `${storeFile.replace(/\.(sqlite3?|db)$/, '')}.scan-cache.sqlite`;
}

/** Puts the scan cache's table in `schema` (`main`, or the name the file is attached under), in WAL mode. */
export function prepareScanCacheFile(database: SqliteDatabase, schema: string): void {
  database.pragma(`${schema}.journal_mode = WAL`);
  if (database.pragma(`${schema}.user_version`, { simple: true }) === SCAN_CACHE_VERSION) return;
  database.transaction(() => {
    database.exec(`drop table if exists ${schema}.rca_scan_cache`);
    database.exec(
      `create table ${schema}.rca_scan_cache (path text primary key, blob text not null, data text not null)`,
    );
    database.pragma(`${schema}.user_version = ${SCAN_CACHE_VERSION}`);
  })();
}

/** Attaches the scan cache's file to the store's connection as `scan_cache`, made if absent. */
export function attachScanCache(database: SqliteDatabase, storeFile: string): void {
  database.prepare(`attach database ? as ${SCAN_CACHE_SCHEMA}`).run(scanCacheFile(storeFile));
  prepareScanCacheFile(database, SCAN_CACHE_SCHEMA);
}
