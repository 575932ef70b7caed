import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareStatements } from '#adapters/store/prepare-statements.ts';
import { postgresFactory, TEST_DATABASE_URL, testSchemaName } from '../helpers/stores.ts';

describe.skipIf(!postgresFactory.available)('prepared statements on PostgreSQL', () => {
  let pool: pg.Pool | undefined;
  afterEach(async () => {
    await pool?.end();
  });

  async function open() {
    const schema = testSchemaName();
    const setup = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await setup.connect();
    await setup.query(`create schema ${schema}`);
    await setup.query(`create table ${schema}.t (id text primary key)`);
    await setup.end();
    pool = prepareStatements(
      new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}`, max: 1 }),
    );
    return pool;
  }

  it('prepares a statement with parameters once per connection and runs it again without parsing', async () => {
    const p = await open();
    await p.query('insert into t (id) values ($1)', ['a']);
    await p.query('insert into t (id) values ($1)', ['b']);
    await p.query('select 1');
    const { rows } = await p.query<{ statement: string }>(
      'select statement from pg_prepared_statements where $1 = $1',
      [1],
    );
    expect(rows.map((r) => r.statement).sort()).toEqual([
      'insert into t (id) values ($1)',
      'select statement from pg_prepared_statements where $1 = $1',
    ]);
    expect((await p.query('select id from t where id <> $1 order by id', ['z'])).rows).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
  });

  it('runs a prepared select * again after another replica added a column', async () => {
    const p = await open();
    await p.query('insert into t (id) values ($1)', ['a']);
    expect((await p.query('select * from t where id = $1', ['a'])).rows).toEqual([{ id: 'a' }]);
    await p.query('alter table t add column note text');
    expect((await p.query('select * from t where id = $1', ['a'])).rows).toEqual([{ id: 'a', note: null }]);
  });
});
