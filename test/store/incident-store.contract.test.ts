import { describe, expect, it } from 'vitest';
import type { Incident } from '#domain/incident.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { noteSkipped, STORE_FACTORIES } from '../helpers/stores.ts';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  title: 'Checkout latency | 🔥',
  severity: 'P2',
  status: 'investigating',
  channelId: 'C1',
  channelName: 'inc-2025-04-07-checkout-latency',
  summaryTs: null,
  declaredBy: 'U1',
  declaredAt: '2025-04-07T16:47:00.000Z',
  resolvedAt: null,
  roles: { lead: 'U1' },
  services: ['checkout'],
  summary: '',
  rootCause: '',
  impact: '',
  resolution: '',
  rcaPath: null,
  ...over,
});

const entry = (over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  incidentId: 'inc-1',
  key: 'msg:C1:1744044420.000100',
  kind: 'message',
  at: '2025-04-07T16:47:00.000Z',
  sortKey: '1744044420.000100',
  authorId: 'U2',
  authorName: null,
  text: 'DB failover started',
  permalink: null,
  pending: true,
  ...over,
});

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`IncidentStore contract on ${factory.name}`, () => {
    it('keeps an incident and finds it by id and by channel', async () => {
      const { store } = await factory.create();

      await store.createIncident(incident());

      expect(await store.getIncident('inc-1')).toEqual(incident());
      expect(await store.findIncidentByChannel('C1')).toEqual(incident());
      expect(await store.findIncidentByChannel('C2')).toBeNull();
      await store.close();
    });

    it('updates only the fields it is given', async () => {
      const { store } = await factory.create();
      await store.createIncident(incident());

      await store.updateIncident('inc-1', { status: 'identified', roles: { lead: 'U1', comms: 'U3' } });

      expect(await store.getIncident('inc-1')).toEqual(
        incident({ status: 'identified', roles: { lead: 'U1', comms: 'U3' } }),
      );
      await store.close();
    });

    it('lists incidents, leaving out a status when asked', async () => {
      const { store } = await factory.create();
      await store.createIncident(incident());
      await store.createIncident(
        incident({
          id: 'inc-2',
          channelId: 'C2',
          status: 'resolved',
          declaredAt: '2025-04-08T00:00:00.000Z',
        }),
      );

      const open = await store.listIncidents({ excludeStatus: 'resolved' });
      const all = await store.listIncidents({});

      expect(open.map((i) => i.id)).toEqual(['inc-1']);
      expect(all.map((i) => i.id)).toEqual(['inc-2', 'inc-1']);
      await store.close();
    });

    it('never adds a timeline entry twice for the same key', async () => {
      const { store } = await factory.create();

      const first = await store.addTimelineEntry(entry());
      const second = await store.addTimelineEntry(entry({ text: 'again' }));

      expect([first, second]).toEqual([true, false]);
      expect(await store.listTimeline('inc-1')).toEqual([entry()]);
      await store.close();
    });

    it('orders the timeline by the time things happened, not the time they were saved', async () => {
      const { store } = await factory.create();
      await store.addTimelineEntry(entry({ key: 'msg:C1:2', sortKey: '1744044500.000000' }));
      await store.addTimelineEntry(entry({ key: 'msg:C1:1', sortKey: '1744044420.000200' }));
      await store.addTimelineEntry(entry({ key: 'note:x', kind: 'note', sortKey: '1744044420.000100' }));

      const keys = (await store.listTimeline('inc-1')).map((e) => e.key);

      expect(keys).toEqual(['note:x', 'msg:C1:1', 'msg:C1:2']);
      await store.close();
    });

    it('updates and removes entries, and says whether there was one', async () => {
      const { store } = await factory.create();
      await store.addTimelineEntry(entry());

      const updated = await store.updateTimelineEntry(entry().key, {
        text: 'edited',
        permalink: 'https://x/p1',
        pending: false,
      });
      const missing = await store.updateTimelineEntry('msg:C9:1', { text: 'x' });

      expect([updated, missing]).toEqual([true, false]);
      expect(await store.getTimelineEntry(entry().key)).toEqual(
        entry({ text: 'edited', permalink: 'https://x/p1', pending: false }),
      );
      expect(await store.removeTimelineEntry(entry().key)).toBe(true);
      expect(await store.removeTimelineEntry(entry().key)).toBe(false);
      await store.close();
    });

    it('counts the people still reacting to a message', async () => {
      const { store } = await factory.create();
      await store.addReactor('msg:C1:1', 'U1');
      await store.addReactor('msg:C1:1', 'U1');
      await store.addReactor('msg:C1:1', 'U2');

      expect(await store.removeReactor('msg:C1:1', 'U1')).toBe(1);
      expect(await store.removeReactor('msg:C1:1', 'U2')).toBe(0);
      await store.close();
    });

    it('records an event once, and keeps it pending until completed, across a reopen', async () => {
      const { store, reopen } = await factory.create();

      const first = await store.recordEvent('Ev1', '{"a":1}', '2025-04-07T16:47:00.000Z');
      const again = await store.recordEvent('Ev1', '{"a":1}', '2025-04-07T16:47:01.000Z');
      await store.recordEvent('Ev2', '{"b":2}', '2025-04-07T16:47:02.000Z');
      await store.completeEvent('Ev2');
      await store.close();
      const other = reopen();

      expect([first, again]).toEqual([true, false]);
      expect(await other.pendingEvents()).toEqual([{ eventId: 'Ev1', body: '{"a":1}' }]);
      await other.close();
    });

    it('lets two handles on the same data race to record the same event: exactly one wins', async () => {
      const { store, reopen } = await factory.create();
      const other = reopen();

      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? store : other).recordEvent('Ev-race', '{}', '2025-04-07T16:47:00.000Z'),
        ),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
      await store.close();
      await other.close();
    });

    it('keeps action items in the order they were added', async () => {
      const { store } = await factory.create();
      const item = { incidentId: 'inc-1', priority: 'P1', owner: '<@U1>', due: '2025-05-01', done: false };
      await store.addActionItem({
        ...item,
        id: 'a2',
        action: 'Second',
        createdAt: '2025-04-07T17:00:00.000Z',
      });
      await store.addActionItem({
        ...item,
        id: 'a1',
        action: 'First',
        createdAt: '2025-04-07T16:00:00.000Z',
      });

      expect((await store.listActionItems('inc-1')).map((a) => a.action)).toEqual(['First', 'Second']);
      await store.close();
    });

    it('keeps a reminder claimed but unsent until it is marked sent, across a reopen', async () => {
      const { store, reopen } = await factory.create();

      const claimed = await store.claimReminder('item-1', 'due@2025-05-01', '2025-05-01T08:00:00.000Z');
      await store.close();
      const after = reopen();
      const unsentAfterCrash = await after.isReminderUnsent('item-1', 'due@2025-05-01');
      const claimedAgain = await after.claimReminder('item-1', 'due@2025-05-01', '2025-05-02T08:00:00.000Z');
      await after.markReminderSent('item-1', 'due@2025-05-01', '2025-05-02T08:00:01.000Z');

      expect([claimed, unsentAfterCrash, claimedAgain]).toEqual([true, true, false]);
      expect(await after.isReminderUnsent('item-1', 'due@2025-05-01')).toBe(false);
      expect(await after.isReminderUnsent('item-2', 'due@2025-05-01')).toBe(false);
      await after.close();
    });

    it('answers an owner lookup until it expires, and takes a newer one in its place', async () => {
      const { store } = await factory.create();
      await store.setOwnerLookup('email:maria@example.com', '[{"kind":"user","id":"U1"}]', '2025-05-02T00:00:00.000Z');

      const fresh = await store.getOwnerLookup('email:maria@example.com', '2025-05-01T23:59:59.000Z');
      const expired = await store.getOwnerLookup('email:maria@example.com', '2025-05-02T00:00:00.000Z');
      await store.setOwnerLookup('email:maria@example.com', 'null', '2025-05-03T00:00:00.000Z');

      expect(fresh).toBe('[{"kind":"user","id":"U1"}]');
      expect(expired).toBeNull();
      expect(await store.getOwnerLookup('email:maria@example.com', '2025-05-02T00:00:00.000Z')).toBe('null');
      await store.close();
    });
  });
}
