import { join, resolve } from 'node:path';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import { createPostgresStore, createSqliteStore } from '#adapters/store/create-store.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import { databaseProblem } from './database-problem.ts';
import { SetupError } from './setup-error.ts';

export type OpenedStore = ReturnType<typeof createSqliteStore>;

/**
 * The PostgreSQL database in DATABASE_URL, or the SQLite file under the data directory, migrated; every
 * statement counted in `scribe_store_statements_total`.
 */
export async function openStore(config: BotConfig, secrets: Secrets, metrics: Metrics): Promise<OpenedStore> {
  const countStatement = (pool: 'inbox' | 'main') => metrics.statements.inc({ pool });
  const store = secrets.databaseUrl
    ? createPostgresStore(secrets.databaseUrl, config.database.schema || undefined, countStatement)
    : createSqliteStore(join(resolve(config.dataDir), 'scribe.sqlite'), countStatement);
  await store.migrate().catch(async (error: unknown) => {
    await store.close().catch(() => undefined);
    if (!secrets.databaseUrl) throw error;
    throw new SetupError(databaseProblem(secrets.databaseUrl, error));
  });
  return store;
}
