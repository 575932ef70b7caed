import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { checkpointInBackground } from './checkpoint-in-background.ts';
import { cacheSqliteStatements } from './cache-sqlite-statements.ts';
import { createKyselyIncidentStore, type KyselyIncidentStore } from './kysely-incident-store.ts';
import { prepareStatements } from './prepare-statements.ts';
import type { StoreLocation } from './scan-cache-writer.ts';
import type { Database } from './schema.ts';
import { SchemaScopedPostgresDialect } from './schema-scoped-postgres-dialect.ts';
import { attachScanCache } from './sqlite-scan-cache-file.ts';

/** A store, and where it lives for a second connection to open (the action-item index thread's): null in memory. */
export type LocatedStore = KyselyIncidentStore & { readonly location: StoreLocation | null };

/** The inbox pool's connections on PostgreSQL: as many grouped inbox writes can wait for their flush at once. */
const INBOX_CONNECTIONS = 3;

/** Told of every statement a store sends, by pool: what the bench counts per event. */
export type OnStatement = (pool: 'inbox' | 'main') => void;

const counting = (onStatement: OnStatement | undefined, pool: 'inbox' | 'main') =>
  onStatement ? { log: (_event: LogEvent) => onStatement(pool) } : {};

/** The embedded default: one SQLite file in WAL mode (and the scan cache's beside it), no set-up. */
export function createSqliteStore(file: string, onStatement?: OnStatement): LocatedStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  attachScanCache(database, file);
  const checkpoints = file === ':memory:' ? null : checkpointInBackground(database, file);
  const store = createKyselyIncidentStore({
    kind: 'sqlite',
    db: new Kysely<Database>({
      dialect: new SqliteDialect({ database: cacheSqliteStatements(database) }),
      ...counting(onStatement, 'main'),
    }),
  });
  return {
    ...store,
    location: file === ':memory:' ? null : { kind: 'sqlite', file },
    async close() {
      await checkpoints?.stop();
      await store.close();
    },
  };
}

/** PostgreSQL, for several replicas. `schema` keeps tests (or tenants) apart in one database. */
export function createPostgresStore(url: string, schema?: string, onStatement?: OnStatement): LocatedStore {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  const searchPath = schema ? `-c search_path=${schema}` : '';
  const poolOptions = { connectionString: url, ...(schema ? { options: searchPath } : {}) };
  // Everything but the inbox commits without waiting for the WAL flush: what an acked event leads to
  // is replayed from the inbox (which does wait) if a crash loses the last few hundred milliseconds.
  // Both pools prepare what they send: the hot statements are parsed and planned once per connection.
  const pool = prepareStatements(
    new pg.Pool({
      connectionString: url,
      options: `${searchPath} -c synchronous_commit=off`.trim(),
      max: 10,
    }),
  );
  const inbox = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: prepareStatements(new pg.Pool({ ...poolOptions, max: INBOX_CONNECTIONS })) }),
    ...counting(onStatement, 'inbox'),
  });
  const store = createKyselyIncidentStore({
    kind: 'postgres',
    db: new Kysely<Database>({
      dialect: new SchemaScopedPostgresDialect({ pool }, schema),
      ...counting(onStatement, 'main'),
    }),
    schema,
    inbox,
    writers: INBOX_CONNECTIONS,
  });
  return { ...store, location: { kind: 'postgres', url, ...(schema ? { schema } : {}) } };
}
