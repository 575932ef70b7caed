import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ScanCache } from '#src/ports/store/scan-cache.ts';
import type { Database } from './schema.ts';
import { prepareScanCacheFile, scanCacheFile } from './sqlite-scan-cache-file.ts';
import { upsert } from './upsert.ts';

/**
 * Where a store lives, as plain data that can cross to a worker thread: what `createSqliteStore` and
 * `createPostgresStore` were opened on. A store in memory has none (no other connection sees it).
 */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

/** The scan cache on a connection of its own: what the action-item index's thread uses. */
export type ScanCacheWriter = ScanCache & { close(): Promise<void> };

/**
 * Opens a second connection to the store at `location` that only reads and writes scan-cache rows,
 * for a worker thread: the rows are loaded and written there, not on the thread that acks Slack.
 * - SQLite: the scan cache's own file (see `scanCacheFile`), whose write lock no inbox write takes,
 *   one transaction per call.
 * - PostgreSQL: a pool of two connections, in 50-row statements, committed without waiting for the
 *   WAL flush as the main pool's are (a lost row is read again on the next scan).
 */
export function openScanCacheWriter(location: StoreLocation): ScanCacheWriter {
  return location.kind === 'sqlite' ? sqliteWriter(location.file) : postgresWriter(location);
}

function sqliteWriter(storeFile: string): ScanCacheWriter {
  const database = new SqliteDatabase(scanCacheFile(storeFile));
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  prepareScanCacheFile(database, 'main');
  const insert = database.prepare(
    'insert into rca_scan_cache (path, blob, data) values (?, ?, ?) on conflict (path) do update set blob = excluded.blob, data = excluded.data',
  );
  const save = database.transaction((rows: { path: string; blob: string; data: string }[]) => {
    for (const row of rows) insert.run(row.path, row.blob, row.data);
  });
  const remove = database.prepare('delete from rca_scan_cache where path = ?');
  const removeAll = database.transaction((paths: string[]) => {
    for (const path of paths) remove.run(path);
  });
  const load = database.prepare('select path, blob, data from rca_scan_cache');
  return {
    async loadScanCache() {
      return load.all() as { path: string; blob: string; data: string }[];
    },
    async saveScanEntries(entries) {
      save(entries);
    },
    async deleteScanPaths(paths) {
      removeAll(paths);
    },
    async close() {
      database.close();
    },
  };
}

function postgresWriter(location: { url: string; schema?: string }): ScanCacheWriter {
  const searchPath = location.schema ? `-c search_path=${location.schema} ` : '';
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: location.url,
        options: `${searchPath}-c synchronous_commit=off`,
        max: 2,
      }),
    }),
  });
  return {
    loadScanCache: () => db.selectFrom('rca_scan_cache').select(['path', 'blob', 'data']).execute(),
    async saveScanEntries(entries) {
      for (let i = 0; i < entries.length; i += 50)
        await upsert(db, 'rca_scan_cache', entries.slice(i, i + 50), ['path']);
    },
    async deleteScanPaths(paths) {
      for (let i = 0; i < paths.length; i += 500)
        await db
          .deleteFrom('rca_scan_cache')
          .where('path', 'in', paths.slice(i, i + 500))
          .execute();
    },
    close: () => db.destroy(),
  };
}
