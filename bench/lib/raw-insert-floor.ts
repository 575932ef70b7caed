import { join } from 'node:path';
import type pg from 'pg';

const ROWS = 500;
/** About the size of a reaction_added envelope, as the inbox keeps it until the event is handled. */
const BODY = 'x'.repeat(900);

/**
 * The store's floor: one row inserted alone, `ROWS` times in turn, on a SQLite file set up as the
 * bot's (WAL, synchronous=NORMAL) through a prepared statement. Milliseconds per insert.
 */
export async function sqliteRawInserts(dir: string): Promise<number[]> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table floor (id text primary key, body text not null)');
  const insert = db.prepare('insert into floor (id, body) values (?, ?)');
  const times: number[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const t0 = performance.now();
    insert.run(`e${i}`, BODY);
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

/**
 * The same on PostgreSQL: one round trip per insert, prepared, committed with synchronous_commit on
 * (as the inbox's are: the WAL flushed before the answer). Milliseconds per insert.
 */
export async function postgresRawInserts(client: pg.Client): Promise<number[]> {
  await client.query('create table floor (id text primary key, body text not null)');
  const times: number[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const t0 = performance.now();
    await client.query({
      name: 'floor',
      text: 'insert into floor (id, body) values ($1, $2)',
      values: [`e${i}`, BODY],
    });
    times.push(performance.now() - t0);
  }
  await client.query('drop table floor');
  return times;
}
