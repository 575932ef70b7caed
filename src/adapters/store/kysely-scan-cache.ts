import type { Kysely } from 'kysely';
import type { ScanCache } from '#src/ports/store/scan-cache.ts';
import type { Database } from './schema.ts';
import { upsert } from './upsert.ts';

/** What each RCA file yielded at a blob, in `rca_scan_cache`. */
export function createKyselyScanCache(db: Kysely<Database>): ScanCache {
  return {
    loadScanCache: () => db.selectFrom('rca_scan_cache').select(['path', 'blob', 'data']).execute(),

    async saveScanEntries(entries) {
      // A cold scan writes thousands of rows: in batches of one statement each, not one transaction,
      // because on SQLite a transaction holds the only connection, and the inbox writes that Slack's
      // acks wait for would queue behind all of it. Each row stands alone (a file's yield at a blob).
      for (let i = 0; i < entries.length; i += 50) {
        // Let other events in between batches: on SQLite each batch runs synchronously.
        if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        await upsert(db, 'rca_scan_cache', entries.slice(i, i + 50), ['path']);
      }
    },

    async deleteScanPaths(paths) {
      for (let i = 0; i < paths.length; i += 500) {
        await db
          .deleteFrom('rca_scan_cache')
          .where('path', 'in', paths.slice(i, i + 500))
          .execute();
      }
    },
  };
}
