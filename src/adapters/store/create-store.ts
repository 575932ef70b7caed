import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { KyselyIncidentStore } from './kysely-incident-store.ts';
import type { Database } from './schema.ts';

/** The embedded default: one SQLite file in WAL mode, no set-up. */
export function createSqliteStore(file: string): KyselyIncidentStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  return new KyselyIncidentStore('sqlite', new Kysely<Database>({ dialect: new SqliteDialect({ database }) }));
}

/** PostgreSQL, for several replicas. `schema` keeps tests (or tenants) apart in one database. */
export function createPostgresStore(url: string, schema?: string): KyselyIncidentStore {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  const poolOptions = { connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
  const pool = new pg.Pool({ ...poolOptions, max: 10 });
  const inbox = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ ...poolOptions, max: 3 }) }),
  });
  return new KyselyIncidentStore(
    'postgres',
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    schema,
    inbox,
  );
}
