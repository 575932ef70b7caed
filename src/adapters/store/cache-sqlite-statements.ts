import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept per database at most, the least recently used dropped first. */
const MAX_CACHED = 200;

/**
 * Kysely's SQLite driver prepares every statement it runs afresh (`db.prepare(sql)` per query); on the
 * hot path that parse costs as much as running the statement. This keeps the prepared statement of
 * each SQL text and hands it out again: better-sqlite3 statements are reusable, and SQLite re-prepares
 * one by itself when a migration changed the schema under it (sqlite3_prepare_v2). A statement still
 * being iterated (a stream) is `busy` and cannot run twice at once: then a fresh one is prepared.
 * At most 200 kept, so batch statements of every size cannot grow memory without end.
 */
export function cacheSqliteStatements(database: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, SqliteStatement & { busy?: boolean }>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) {
        if (cached.busy) return database.prepare(sql);
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
