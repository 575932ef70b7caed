import { describe, expect, it } from 'vitest';
import type { IncidentRecords } from '#src/ports/store/incident-records.ts';
import { anIncident } from './fixtures.ts';
import type { RoleHandle } from './role-handle.ts';

/** What every `IncidentRecords` keeps: incidents by id and channel, patches, lists, action items. */
export function describeIncidentRecordsContract(name: string, make: () => Promise<RoleHandle<IncidentRecords>>): void {
  describe(`IncidentRecords contract on ${name}`, () => {
    it('keeps an incident and finds it by id and by channel', async () => {
      const { store, close } = await make();

      await store.createIncident(anIncident());

      expect(await store.getIncident('inc-1')).toEqual(anIncident());
      expect(await store.findIncidentByChannel('C1')).toEqual(anIncident());
      expect(await store.findIncidentByChannel('C2')).toBeNull();
      expect(await store.getIncident('inc-2')).toBeNull();
      await close();
    });

    it("gives a channel's incident id, and null for a channel that has none yet", async () => {
      const { store, close } = await make();
      const before = await store.incidentIdForChannel('C1');

      await store.createIncident(anIncident());

      expect(before).toBeNull();
      expect(await store.incidentIdForChannel('C1')).toBe('inc-1');
      expect(await store.incidentIdForChannel('C2')).toBeNull();
      await close();
    });

    it('updates only the fields it is given', async () => {
      const { store, close } = await make();
      await store.createIncident(anIncident());

      await store.updateIncident('inc-1', { status: 'identified', roles: { lead: 'U1', comms: 'U3' } });
      await store.updateIncident('inc-1', { summaryTs: '1744044420.000100', services: [] });
      await store.updateIncident('inc-1', {});

      expect(await store.getIncident('inc-1')).toEqual(
        anIncident({
          status: 'identified',
          roles: { lead: 'U1', comms: 'U3' },
          summaryTs: '1744044420.000100',
          services: [],
        }),
      );
      await close();
    });

    it('sets a field back to null', async () => {
      const { store, close } = await make();
      await store.createIncident(
        anIncident({ rcaPath: 'RCAs/2025-04-07-checkout.md', resolvedAt: '2025-04-07T18:00:00Z' }),
      );

      await store.updateIncident('inc-1', { rcaPath: null, resolvedAt: null });

      expect(await store.getIncident('inc-1')).toEqual(anIncident());
      await close();
    });

    it('lists incidents, newest first, leaving out a status when asked', async () => {
      const { store, close } = await make();
      await store.createIncident(anIncident());
      await store.createIncident(
        anIncident({ id: 'inc-2', channelId: 'C2', status: 'resolved', declaredAt: '2025-04-08T00:00:00.000Z' }),
      );

      const open = await store.listIncidents({ excludeStatus: 'resolved' });
      const all = await store.listIncidents({});

      expect(open.map((i) => i.id)).toEqual(['inc-1']);
      expect(all.map((i) => i.id)).toEqual(['inc-2', 'inc-1']);
      await close();
    });

    it('keeps action items in the order they were added, each once', async () => {
      const { store, close } = await make();
      const item = { incidentId: 'inc-1', priority: 'P1', owner: '<@U1>', due: '2025-05-01', done: false };
      const second = { ...item, id: 'a2', action: 'Second', createdAt: '2025-04-07T17:00:00.000Z' };
      await store.addActionItem(second);
      await store.addActionItem({ ...item, id: 'a1', action: 'First', createdAt: '2025-04-07T16:00:00.000Z' });
      await store.addActionItem({ ...second, action: 'Second, again' });
      await store.addActionItem({ ...item, id: 'b1', incidentId: 'inc-2', action: 'Other', createdAt: '' });

      const items = await store.listActionItems('inc-1');

      expect(items.map((a) => a.action)).toEqual(['First', 'Second']);
      expect(items[1]).toEqual(second);
      await close();
    });
  });
}
