import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createKyselyIncidentStore, type KyselyIncidentStore } from './kysely-incident-store.ts';
import { prepareStatements } from './prepare-statements.ts';
import type { StoreLocation } from './scan-cache-writer.ts';
import type { Database } from './schema.ts';
import { attachScanCache } from './sqlite-scan-cache-file.ts';

/** A store, and where it lives for a second connection to open (the action-item index thread's): null in memory. */
export type LocatedStore = KyselyIncidentStore & { readonly location: StoreLocation | null };

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
  const store = createKyselyIncidentStore({
    kind: 'sqlite',
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...counting(onStatement, 'main') }),
  });
  return { ...store, location: file === ':memory:' ? null : { kind: 'sqlite', file } };
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
    dialect: new PostgresDialect({ pool: prepareStatements(new pg.Pool({ ...poolOptions, max: 3 })) }),
    ...counting(onStatement, 'inbox'),
  });
  const store = createKyselyIncidentStore({
    kind: 'postgres',
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...counting(onStatement, 'main') }),
    schema,
    inbox,
  });
  return { ...store, location: { kind: 'postgres', url, ...(schema ? { schema } : {}) } };
}
