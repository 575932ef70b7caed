import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore, createSqliteStore } from '#adapters/store/create-store.ts';
import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import { KyselyReviewRecords } from '#adapters/store/kysely-review-records.ts';
import { migrationProvider } from '#adapters/store/migrations.ts';
import { freshPostgresSchema, noteSkipped, STORE_FACTORIES } from '../helpers/stores.ts';

const AT = '2026-12-01T10:00:00.000Z';

for (const factory of STORE_FACTORIES) {
  describe.skipIf(!factory.available)(`KyselyReviewRecords (${factory.name})`, () => {
    noteSkipped(factory);
    const open: KyselyIncidentStore[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    it('saves a review over the last one, lists by state, and moves it once across two replicas', async () => {
      const { store, reopen } = await factory.create();
      const other = reopen();
      open.push(store, other);
      const records = new KyselyReviewRecords(store.db);
      const replica = new KyselyReviewRecords(other.db);

      await records.save({ incidentId: 'inc-1', branch: 'rca/a', number: null, url: null, state: 'pending' }, AT);
      await records.save({ incidentId: 'inc-2', branch: 'rca/b', number: 4, url: 'https://x/4', state: 'open' }, AT);
      await records.save({ incidentId: 'inc-1', branch: 'rca/a', number: 3, url: 'https://x/3', state: 'open' }, AT);
      const moves = await Promise.all(
        [records, replica].map((r) =>
          r.move('inc-1', 'open', { branch: 'rca/a', number: 3, url: 'https://x/3', state: 'merged' }, AT),
        ),
      );

      expect(moves.sort()).toEqual([false, true]);
      expect(await replica.get('inc-1')).toEqual({
        incidentId: 'inc-1',
        branch: 'rca/a',
        number: 3,
        url: 'https://x/3',
        state: 'merged',
      });
      expect((await records.list(['open', 'pending'])).map((r) => r.incidentId)).toEqual(['inc-2']);
      expect(await records.get('inc-9')).toBeNull();
    });

    it('moves the reviews kept as settings before into the table', async () => {
      const { store, schema } = await unmigrated(factory.name);
      open.push(store);
      // As the store's own migrate() does: on PostgreSQL the ledger lives in the store's schema.
      const migrator = new Migrator({
        db: store.db,
        provider: migrationProvider,
        ...(schema ? { migrationTableSchema: schema } : {}),
      });
      await migrator.migrateTo('0301_update_nudges');
      await store.setSetting('review:inc-7', JSON.stringify({ number: 12, url: 'https://x/12', state: 'open' }));
      await store.setSetting('last-reminder-day', '2026-11-30');

      await store.migrate();

      const records = new KyselyReviewRecords(store.db);
      expect(await records.get('inc-7')).toMatchObject({ number: 12, url: 'https://x/12', state: 'open' });
      expect(await store.getSetting('review:inc-7')).toBeNull();
      expect(await store.getSetting('last-reminder-day')).toBe('2026-11-30');
    });
  });
}

async function unmigrated(kind: 'sqlite' | 'postgres'): Promise<{ store: KyselyIncidentStore; schema?: string }> {
  if (kind === 'sqlite')
    return { store: createSqliteStore(join(mkdtempSync(join(tmpdir(), 'scribe-reviews-')), 'scribe.sqlite')) };
  const pg = (await freshPostgresSchema())!;
  return { store: createPostgresStore(pg.databaseUrl, pg.databaseSchema), schema: pg.databaseSchema };
}
