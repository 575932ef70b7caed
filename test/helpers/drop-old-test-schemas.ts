import pg from 'pg';

/** Schemas of runs older than this are dropped: no test run, nor a benchmark, lasts this long. */
const OLD_MS = 6 * 60 * 60 * 1000;

/**
 * What a run started this long ago (`scribe_test_<base-36 ms>_…`, `scribe_bench_<ms>`), or null for
 * a name that says no time: those of older test code, dropped in CI only, where nothing else runs.
 */
export function schemaAge(name: string, now: number): number | null {
  const test = /^scribe_test_([0-9a-z]{8,9})_[0-9a-f]+$/.exec(name);
  if (test) return now - Number.parseInt(test[1]!, 36);
  const bench = /^scribe_bench_(\d{13})$/.exec(name);
  return bench ? now - Number(bench[1]) : null;
}

/**
 * Vitest's global setup: the PostgreSQL tests make a schema each and leave it (dropping one while
 * another file migrates beside it is what a shared database must survive, not what a test should
 * cause), so each run first drops the schemas that runs long over left behind.
 */
export default async function dropOldTestSchemas(): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname like 'scribe\\_test\\_%' or nspname like 'scribe\\_bench\\_%'`,
    );
    const now = Date.now();
    const old = rows
      .map((row) => row.nspname)
      .filter((name) => {
        const age = schemaAge(name, now);
        return age === null ? process.env['CI'] === 'true' : age > OLD_MS;
      });
    for (const name of old) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}
