import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore, createSqliteStore, type LocatedStore } from '#adapters/store/create-store.ts';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

/**
 * A new schema's name: `scribe_test_<ms since the epoch, base 36>_<random>`, so that
 * `drop-old-test-schemas.ts` can tell from the name alone which ones a run long over left behind.
 */
export function testSchemaName(): string {
  return `scribe_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export interface StoreFactory {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, migrated, empty store, and a second handle on the same data (another "replica"). */
  create(): Promise<{ store: LocatedStore; reopen(): LocatedStore; url: string }>;
}

export const sqliteFactory: StoreFactory = {
  name: 'sqlite',
  available: true,
  async create() {
    const file = join(mkdtempSync(join(tmpdir(), 'scribe-store-')), 'scribe.sqlite');
    const store = createSqliteStore(file);
    await store.migrate();
    return { store, reopen: () => createSqliteStore(file), url: file };
  },
};

export const postgresFactory: StoreFactory = {
  name: 'postgres',
  available: TEST_DATABASE_URL !== undefined && TEST_DATABASE_URL !== '',
  async create() {
    const schema = testSchemaName();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const store = createPostgresStore(TEST_DATABASE_URL!, schema);
    await store.migrate();
    return {
      store,
      reopen: () => createPostgresStore(TEST_DATABASE_URL!, schema),
      url: `${TEST_DATABASE_URL}#${schema}`,
    };
  },
};

export const STORE_FACTORIES = [sqliteFactory, postgresFactory];

export function noteSkipped(factory: StoreFactory): void {
  if (!factory.available) {
    console.warn(
      `[${factory.name}] skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it`,
    );
  }
}

/** A fresh, empty PostgreSQL schema for a bot under test, or nothing when no database is given. */
export async function freshPostgresSchema(): Promise<{ databaseUrl: string; databaseSchema: string } | null> {
  if (!postgresFactory.available) return null;
  const schema = testSchemaName();
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return { databaseUrl: TEST_DATABASE_URL!, databaseSchema: schema };
}
