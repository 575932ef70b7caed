import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CHANNEL_INCIDENT_TTL_MS, createKyselyIncidentRecords } from '#adapters/store/kysely-incident-records.ts';
import { noteSkipped, STORE_FACTORIES } from '../helpers/stores.ts';
import { anIncident } from './contracts/fixtures.ts';

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`the channel → incident cache on ${factory.name}`, () => {
    it('lets another replica see an incident move to a new channel once its entry is older than the TTL, with one query per channel per TTL', async () => {
      const { store } = await factory.create();
      let clock = 0;
      let queries = 0;
      // Every statement the other replica's records send to the database is counted.
      const counting: KyselyPlugin = {
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const other = createKyselyIncidentRecords(store.db.withPlugin(counting), { now: () => clock });
      await store.createIncident(anIncident());
      expect(await other.incidentIdForChannel('C1')).toBe('inc-1');

      // This replica moves it (`/incident private`); the other one still has C1 → inc-1 cached.
      await store.updateIncident('inc-1', { channelId: 'C9' });
      const withinTtl: (string | null)[] = [];
      for (let i = 0; i < 100; i += 1) {
        clock += (CHANNEL_INCIDENT_TTL_MS - 1) / 100;
        withinTtl.push(await other.incidentIdForChannel('C1'));
      }
      clock += 2;

      const queriesWithinTtl = queries;

      expect(withinTtl.every((id) => id === 'inc-1')).toBe(true);
      expect(queriesWithinTtl).toBe(1);
      expect(await other.incidentIdForChannel('C1')).toBeNull();
      expect(await other.incidentIdForChannel('C9')).toBe('inc-1');
      await store.close();
    });

    it('forgets the old channel at once on the replica that moved the incident', async () => {
      const { store } = await factory.create();
      await store.createIncident(anIncident());
      expect(await store.incidentIdForChannel('C1')).toBe('inc-1');

      await store.updateIncident('inc-1', { channelId: 'C9' });

      expect(await store.incidentIdForChannel('C1')).toBeNull();
      expect(await store.incidentIdForChannel('C9')).toBe('inc-1');
      await store.close();
    });
  });
}
