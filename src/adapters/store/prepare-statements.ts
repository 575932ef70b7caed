import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Statements prepared per connection at most: the hot ones come first; the rest go unprepared. */
const MAX_PREPARED = 100;

type Query = (config: unknown, values?: unknown, callback?: unknown) => Promise<unknown>;

/**
 * Makes every connection of the pool prepare the statements it sends (a named statement, by a hash
 * of its text): the first run parses and plans as before, in the same round trip; later runs on that
 * connection only bind and execute. At most 100 per connection, so batch statements of every size
 * cannot grow the server's memory without end. When another replica's migration changed a table
 * under a prepared `select *` (PostgreSQL: "cached plan must not change result type"), the
 * connection prepares its statements afresh and the statement is run again once.
 */
export function prepareStatements(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    let prepared = new Set<string>();
    let generation = 0;
    const run = async (text: string, values: unknown[], retry: boolean): Promise<unknown> => {
      const name = `scribe_${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      if (!prepared.has(name)) {
        if (prepared.size >= MAX_PREPARED) return query(text, values);
        prepared.add(name);
      }
      try {
        return await query({ name, text, values });
      } catch (error) {
        if (!retry || (error as { code?: string }).code !== '0A000') throw error;
        generation += 1;
        prepared = new Set();
        return run(text, values, false);
      }
    };
    // Kysely awaits the promise; pg's own `pool.query` passes a callback, which gets the same result.
    (client as unknown as { query: Query }).query = (config, values, callback) => {
      if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0)
        return query(config, values, callback);
      const result = run(config, values, true);
      if (typeof callback !== 'function') return result;
      const done = callback as (error: unknown, result?: unknown) => void;
      result.then(
        (r) => done(null, r),
        (error: unknown) => done(error),
      );
      return undefined as never;
    };
  });
  return pool;
}
