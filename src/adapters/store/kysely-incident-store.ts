import type { Kysely } from 'kysely';
import type { IncidentStore } from '#src/ports.ts';
import { createKyselyBotState } from './kysely-bot-state.ts';
import { createKyselyEventInbox } from './kysely-event-inbox.ts';
import { createKyselyIncidentRecords } from './kysely-incident-records.ts';
import { createKyselyLocks } from './kysely-locks.ts';
import { createKyselyOwnerLookups } from './kysely-owner-lookups.ts';
import { createKyselyReminderLedger } from './kysely-reminder-ledger.ts';
import { createKyselyScanCache } from './kysely-scan-cache.ts';
import { createKyselyStoreLifecycle, type KyselyPools } from './kysely-store-lifecycle.ts';
import { createKyselyTimelineStore } from './kysely-timeline-store.ts';
import type { Database } from './schema.ts';
import { SCAN_CACHE_SCHEMA } from './sqlite-scan-cache-file.ts';

/**
 * Every store role over one Kysely instance, as one plain object (each method an own property, so a
 * decorated role spreads over it: `{ ...store, ...meterTimeline(store, metrics) }`). `db` is there for
 * the adapters that share the instance (message log, user names, nudges, tracker links, webhook outbox).
 */
export type KyselyIncidentStore = IncidentStore & {
  readonly db: Kysely<Database>;
  /** The inbox's pool and how many grouped writes go through it at once (the message log's pins use it). */
  readonly inbox: { db: Kysely<Database>; writers: number };
};

/** The roles over `pools`; `createSqliteStore` and `createPostgresStore` give it its dialect. */
export function createKyselyIncidentStore(pools: KyselyPools): KyselyIncidentStore {
  const { kind, db } = pools;
  return {
    ...createKyselyStoreLifecycle(pools),
    ...createKyselyIncidentRecords(db),
    ...createKyselyTimelineStore(db),
    ...createKyselyEventInbox(db, pools.inbox, pools.writers),
    ...createKyselyLocks(kind, db),
    // On SQLite the scan cache is a file of its own, attached (see sqlite-scan-cache-file.ts).
    ...createKyselyScanCache(kind === 'sqlite' ? db.withSchema(SCAN_CACHE_SCHEMA) : db),
    ...createKyselyReminderLedger(db),
    ...createKyselyOwnerLookups(db),
    ...createKyselyBotState(db),
    db,
    inbox: { db: pools.inbox ?? db, writers: pools.writers ?? 1 },
  };
}
