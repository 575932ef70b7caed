import { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '#adapters/store/create-store.ts';
import { SchemaScopedPostgresDialect } from '#adapters/store/schema-scoped-postgres-dialect.ts';
import { schemaAge } from '../helpers/drop-old-test-schemas.ts';
import { testSchemaName as name, postgresFactory, TEST_DATABASE_URL } from '../helpers/stores.ts';

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresFactory.available)('the store introspects its own schema only (PostgreSQL)', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closing) await close();
  });

  it('lists the tables and columns of its schema, and none of another', async () => {
    const ours = name();
    const theirs = name();
    await admin(async (c) => {
      await c.query(`create schema ${ours}; create schema ${theirs}`);
      await c.query(
        `create table ${ours}.notes (id serial primary key, body text not null, seen boolean default false)`,
      );
      await c.query(`create table ${theirs}.kysely_migration (name varchar(255) primary key, timestamp varchar(255))`);
    });
    const db = new Kysely<unknown>({
      dialect: new SchemaScopedPostgresDialect(
        { pool: new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${ours}`, max: 1 }) },
        ours,
      ),
    });
    closing.push(() => db.destroy());

    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });

    expect(tables).toEqual([
      {
        name: 'notes',
        schema: ours,
        isView: false,
        columns: [
          expect.objectContaining({ name: 'id', dataType: 'int4', isAutoIncrementing: true, isNullable: false }),
          expect.objectContaining({ name: 'body', dataType: 'text', isNullable: false, hasDefaultValue: false }),
          expect.objectContaining({ name: 'seen', dataType: 'bool', isNullable: true, hasDefaultValue: true }),
        ],
      },
    ]);
  });

  it('migrates a fresh schema while other schemas are created and dropped beside it', async () => {
    const schema = name();
    await admin((c) => c.query(`create schema ${schema}`));
    let churning = true;
    // Another store's tests (or another application) coming and going in the same database.
    const churn = admin(async (c) => {
      while (churning) {
        const other = name();
        await c.query(`create schema ${other}; create table ${other}.t (a int, b int, c int)`);
        await c.query(`drop schema ${other} cascade`);
      }
    });
    try {
      for (let i = 0; i < 5; i += 1) {
        const store = createPostgresStore(TEST_DATABASE_URL!, schema);
        await store.migrate();
        await store.close();
      }
    } finally {
      churning = false;
      await churn;
    }
    const store = createPostgresStore(TEST_DATABASE_URL!, schema);
    closing.push(() => store.close());
    await store.migrate();
    expect(await store.incidentIdForChannel('C0NONE')).toBeNull();
  });
});

describe('schemaAge', () => {
  it('reads the start time from the names tests and benchmarks give their schemas', () => {
    const now = Date.UTC(2026, 11, 1, 12);
    const hourAgo = now - 3_600_000;

    expect(schemaAge(`scribe_test_${hourAgo.toString(36)}_0a1b2c3d`, now)).toBe(3_600_000);
    expect(schemaAge(`scribe_bench_${hourAgo}`, now)).toBe(3_600_000);
    expect(schemaAge('scribe_test_9f8e7d6c5b4a', now)).toBeNull();
    expect(schemaAge('public', now)).toBeNull();
  });
});
