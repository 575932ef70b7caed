import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheSqliteStatements } from '#adapters/store/cache-sqlite-statements.ts';

describe('SQLite statements kept for reuse', () => {
  let db: SqliteDatabase.Database | undefined;
  afterEach(() => db?.close());

  function open() {
    db = new SqliteDatabase(':memory:');
    db.exec('create table t (id text primary key)');
    return cacheSqliteStatements(db);
  }

  it('hands out the same prepared statement for the same SQL, and it still runs with new values', () => {
    const cached = open();
    const insert = cached.prepare('insert into t (id) values (?)');
    insert.run(['a']);
    expect(cached.prepare('insert into t (id) values (?)')).toBe(insert);
    cached.prepare('insert into t (id) values (?)').run(['b']);
    expect(cached.prepare('select id from t order by id').all([])).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('prepares afresh while the kept one is still being iterated', () => {
    const cached = open();
    cached.prepare('insert into t (id) values (?)').run(['a']);
    cached.prepare('insert into t (id) values (?)').run(['b']);
    const select = cached.prepare('select id from t order by id');
    const rows = select.iterate([]);
    rows.next();
    const again = cached.prepare('select id from t order by id');
    expect(again).not.toBe(select);
    expect(again.all([])).toEqual([{ id: 'a' }, { id: 'b' }]);
    rows.return?.();
  });

  it('keeps at most 200, dropping the least recently used', () => {
    const cached = open();
    const first = cached.prepare('select 0 as n');
    for (let i = 1; i <= 200; i += 1) cached.prepare(`select ${i} as n`);
    expect(cached.prepare('select 0 as n')).not.toBe(first);
    expect(cached.prepare('select 200 as n')).toBe(cached.prepare('select 200 as n'));
  });

  it('sees a table a migration changed under a kept statement', () => {
    const cached = open();
    cached.prepare('insert into t (id) values (?)').run(['a']);
    const select = cached.prepare('select * from t');
    expect(select.all([])).toEqual([{ id: 'a' }]);
    db!.exec("alter table t add column note text not null default 'x'");
    expect(cached.prepare('select * from t').all([])).toEqual([{ id: 'a', note: 'x' }]);
  });
});
