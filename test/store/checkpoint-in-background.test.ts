import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '#adapters/store/create-store.ts';
import { eventually } from '../helpers/bot-harness.ts';
import { tempDir } from '../helpers/git-repos.ts';

describe('SQLite checkpoints off the thread that acks', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('never copies the WAL into the database inside a write; a worker does, once the WAL passes 1,000 pages', async () => {
    const file = join(tempDir('scribe-ckpt-'), 'scribe.sqlite');
    const store = createSqliteStore(file);
    close = () => store.close();
    await store.migrate();
    await sql`create table filler (id integer primary key, body text not null)`.execute(store.db);
    const before = statSync(file).size;
    // 6 MB in 600 commits: SQLite alone would have checkpointed in one of them.
    for (let i = 0; i < 600; i += 1)
      await sql`insert into filler (body) values (${'x'.repeat(10_000)})`.execute(store.db);

    expect(statSync(`${file}-wal`).size).toBeGreaterThan(6_000_000);
    expect(statSync(file).size).toBe(before);
    await eventually(() => expect(statSync(file).size).toBeGreaterThan(6_000_000), 30_000);
    const rows = await sql<{ n: number }>`select count(*) as n from filler`.execute(store.db);
    expect(rows.rows[0]!.n).toBe(600);
  }, 60_000);

  it('closes with the worker running, and the file opens again with every row', async () => {
    const file = join(tempDir('scribe-ckpt-'), 'scribe.sqlite');
    const store = createSqliteStore(file);
    await store.migrate();
    await sql`create table filler (id integer primary key, body text not null)`.execute(store.db);
    for (let i = 0; i < 500; i += 1)
      await sql`insert into filler (body) values (${'x'.repeat(10_000)})`.execute(store.db);
    await eventually(() => expect(statSync(file).size).toBeGreaterThan(4_000_000), 30_000);
    await store.close();

    const again = createSqliteStore(file);
    close = () => again.close();
    const rows = await sql<{ n: number }>`select count(*) as n from filler`.execute(again.db);
    expect(rows.rows[0]!.n).toBe(500);
  }, 60_000);
});
