import { type Kysely, sql } from 'kysely';
import type { Locks } from '#src/ports/store/locks.ts';
import type { Database } from './schema.ts';

/**
 * The advisory lock's key: PostgreSQL's advisory locks are the whole database's, so the key names the
 * schema the store's tables are in (its search path's first), and two bots with a schema each in one
 * database (tenants, or test runs side by side) never hold each other's reminder run up.
 */
const lockKey = (name: string) => sql`hashtext(current_schema() || ${`:${name}`})`;

/** Runs `task` on a connection that holds the advisory lock `name`, and lets go of it after. */
async function thenUnlock<T>(conn: Kysely<Database>, name: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } finally {
    await sql`select pg_advisory_unlock(${lockKey(name)})`.execute(conn);
  }
}

/**
 * Named locks: a PostgreSQL advisory lock shared by every replica on the same schema (held on one
 * connection of `db` for the task's length), or, on SQLite (one process), a lock in this process.
 */
export function createKyselyLocks(kind: 'sqlite' | 'postgres', db: Kysely<Database>): Locks {
  /** The last task under each name in this process: the next one starts after it settles. */
  const localLocks = new Map<string, Promise<unknown>>();

  async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = localLocks.get(name) ?? Promise.resolve();
    const run = previous.then(async () => {
      if (kind !== 'postgres') return task();
      return db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${lockKey(name)})`.execute(conn);
        return thenUnlock(conn, name, task);
      });
    });
    const settled = run.catch(() => undefined);
    localLocks.set(name, settled);
    try {
      return await run;
    } finally {
      if (localLocks.get(name) === settled) localLocks.delete(name);
    }
  }

  /** Only if the lock is free right now; null when another replica holds it (on SQLite it waits its turn). */
  async function tryWithLock<T>(name: string, task: () => Promise<T>): Promise<T | null> {
    if (kind !== 'postgres') return withLock(name, task);
    return db.connection().execute(async (conn) => {
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(name)}) as ok`.execute(conn);
      return rows[0]?.ok ? thenUnlock(conn, name, task) : null;
    });
  }

  return { withLock, tryWithLock };
}
