import { type Kysely, Migrator } from 'kysely';
import type { StoreLifecycle } from '#src/ports/store/store-lifecycle.ts';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';

export interface KyselyPools {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  /** The pool the event inbox writes through, when not `db` (PostgreSQL: its own connections). */
  inbox?: Kysely<Database>;
  /**
   * How many grouped writes of one kind may be in flight at once: the inbox pool's size on PostgreSQL;
   * 1 (the default) on SQLite, whose one connection runs one statement at a time anyway.
   */
  writers?: number;
  /** The PostgreSQL schema the tables live in, when not the default one. */
  schema?: string | undefined;
}

/** Migrating, checking and closing the pools behind every role. */
export function createKyselyStoreLifecycle({ kind, db, inbox = db, schema }: KyselyPools): StoreLifecycle {
  return {
    kind,

    async migrate() {
      const { error } = await new Migrator({
        db,
        provider: migrationProvider,
        ...(schema ? { migrationTableSchema: schema } : {}),
      }).migrateToLatest();
      if (error) throw new Error(`Database migration failed: ${(error as Error).message}`, { cause: error });
    },

    async ping() {
      await db.selectFrom('events').select('event_id').limit(1).execute();
    },

    async close() {
      if (inbox !== db) await inbox.destroy();
      await db.destroy();
    },
  };
}
