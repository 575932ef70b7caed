import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { KyselyMessageLog } from '#adapters/store/kysely-message-log.ts';
import { KyselyUserNames } from '#adapters/store/kysely-user-names.ts';
import type { LoggedMessage, LogPin } from '#src/ports.ts';
import { noteSkipped, STORE_FACTORIES } from '../helpers/stores.ts';

const message = (over: Partial<LoggedMessage> = {}): LoggedMessage => ({
  channelId: 'C1',
  ts: '1744044420.000100',
  threadTs: null,
  userId: 'U2',
  text: 'DB failover started',
  deleted: false,
  version: '1744044420.000100',
  ...over,
});

const pin = (over: Partial<LogPin> = {}): LogPin => ({
  incidentId: 'inc-1',
  key: 'msg:C1:1744044420.000100',
  at: '2025-04-07T16:47:00.100Z',
  sortKey: '1744044420.000100',
  channelId: 'C1',
  ts: '1744044420.000100',
  reactorId: 'U1',
  ...over,
});

const NOW = '2025-04-07T17:00:00.000Z';

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`MessageLog contract on ${factory.name}`, () => {
    async function open() {
      const { store } = await factory.create();
      return {
        store,
        log: new KyselyMessageLog(store.kind, store.db, store.inbox),
        names: new KyselyUserNames(store.db),
      };
    }

    it('keeps messages as they arrive, and an edit or a deletion wins over the earlier version whatever the order', async () => {
      const { log } = await open();
      const edit = message({ text: 'DB failover done', version: '1744044500.000200' });
      await Promise.all([log.record(message()), log.record(edit), log.record(message({ ts: '1744044421.000100' }))]);
      expect(await log.get('C1', '1744044420.000100')).toEqual(edit);

      await log.record(message()); // a redelivery of the original comes late
      expect((await log.get('C1', '1744044420.000100'))?.text).toBe('DB failover done');

      await log.record(message({ text: '', userId: null, deleted: true, version: '1744044600.000300' }));
      expect(await log.get('C1', '1744044420.000100')).toMatchObject({ deleted: true, userId: 'U2' });
      expect(await log.get('C9', '1744044420.000100')).toBeNull();
    });

    it('gives a thread its replies in order, without the parent or deleted ones', async () => {
      const { log } = await open();
      const parent = '1744044420.000100';
      await log.record(message({ threadTs: parent }));
      await log.record(message({ ts: '1744044430.000100', threadTs: parent, text: 'second' }));
      await log.record(message({ ts: '1744044425.000100', threadTs: parent, text: 'first' }));
      await log.record(message({ ts: '1744044426.000100', threadTs: parent, deleted: true }));
      await log.record(message({ ts: '1744044427.000100', text: 'not in the thread' }));
      expect((await log.threadReplies('C1', parent)).map((m) => m.text)).toEqual(['first', 'second']);
    });

    it('writes a pinned logged message complete in one step, with the cached name, and a second pin adds only its reactor', async () => {
      const { store, log, names } = await open();
      await log.record(message());
      await names.setName('U2', 'Bea', '2025-04-08T00:00:00.000Z');

      const [first, second, unlogged] = await Promise.all([
        log.pin(pin(), NOW),
        log.pin(pin({ reactorId: 'U3' }), NOW),
        log.pin(pin({ key: 'msg:C1:1744040000.000100', ts: '1744040000.000100', sortKey: '1744040000.000100' }), NOW),
      ]);

      expect(first).toEqual({ added: true, complete: true, authorId: 'U2', authorName: 'Bea' });
      expect(second).toMatchObject({ added: false });
      expect(unlogged).toEqual({ added: true, complete: false, authorId: null, authorName: null });
      expect(await store.getTimelineEntry('msg:C1:1744044420.000100')).toMatchObject({
        text: 'DB failover started',
        authorId: 'U2',
        authorName: 'Bea',
        pending: false,
        at: '2025-04-07T16:47:00.100Z',
      });
      expect((await store.getTimelineEntry('msg:C1:1744040000.000100'))?.pending).toBe(true);
      expect(await store.removeReactor('msg:C1:1744044420.000100', 'U1')).toBe(1);
    });

    it('pins with its event in one write: the event is recorded pending, a redelivery pins nothing, two new pins of one message write one entry and both reactors', async () => {
      const { store, log, names } = await open();
      await log.record(message());
      await names.setName('U2', 'Bea', '2025-04-08T00:00:00.000Z');
      const event = (eventId: string) => ({ eventId, body: `{"event_id":"${eventId}"}`, receivedAt: NOW });
      const unloggedPin = pin({ key: 'msg:C1:1744040000.000100', ts: '1744040000.000100', reactorId: 'U4' });

      // As many pins as writes may go at once (one on SQLite, the inbox pool's size on PostgreSQL) go
      // first, each alone; the four after them wait, then go as one batch: a pin, the same event
      // again, another reactor on the message, and an unlogged message.
      const primers = Array.from({ length: store.inbox.writers }, (_, i) =>
        log.pinEvent(event(`Prime${i}`), pin({ key: `msg:C9:${i}`, channelId: 'C9', ts: `${i}.000100` }), NOW),
      );
      const [first, again, other, unlogged] = await Promise.all([
        log.pinEvent(event('Ev1'), pin(), NOW),
        log.pinEvent(event('Ev1'), pin(), NOW),
        log.pinEvent(event('Ev2'), pin({ reactorId: 'U3' }), NOW),
        log.pinEvent(event('Ev3'), unloggedPin, NOW),
        ...primers,
      ]);
      const late = await log.pinEvent(event('Ev2'), pin({ reactorId: 'U3' }), NOW);

      const notAdded = { added: false, complete: false, authorId: null, authorName: null };
      expect(first).toEqual({
        isNew: true,
        pinned: { added: true, complete: true, authorId: 'U2', authorName: 'Bea' },
      });
      expect(again).toEqual({ isNew: false, pinned: notAdded });
      expect(other).toEqual({ isNew: true, pinned: notAdded });
      expect(unlogged).toEqual({
        isNew: true,
        pinned: { added: true, complete: false, authorId: null, authorName: null },
      });
      expect(late.isNew).toBe(false);
      expect(await store.recordEvent('Ev3', '{}', NOW)).toBe(false);
      const pending = (await store.pendingEvents()).map((e) => e.eventId).filter((id) => !id.startsWith('Prime'));
      expect(pending.sort()).toEqual(['Ev1', 'Ev2', 'Ev3']);
      expect(await store.getTimelineEntry('msg:C1:1744044420.000100')).toMatchObject({
        text: 'DB failover started',
        authorName: 'Bea',
        pending: false,
      });
      expect((await store.getTimelineEntry('msg:C1:1744040000.000100'))?.pending).toBe(true);
      expect(await store.removeReactor('msg:C1:1744044420.000100', 'U1')).toBe(1);
      expect(await store.removeReactor('msg:C1:1744044420.000100', 'U3')).toBe(0);
    });

    it("records nothing of a pin whose write fails, so Slack's retry pins it", async () => {
      const { store, log } = await open();
      await log.record(message());
      const event = { eventId: 'Ev5', body: '{}', receivedAt: NOW };
      await sql`alter table reactors rename to reactors_away`.execute(store.db);
      await expect(log.pinEvent(event, pin(), NOW)).rejects.toThrow();
      await sql`alter table reactors_away rename to reactors`.execute(store.db);

      expect(await store.pendingEvents()).toEqual([]);
      expect(await log.pinEvent(event, pin(), NOW)).toMatchObject({ isNew: true, pinned: { added: true } });
    });

    it('pins nothing for an event the plain inbox recorded first', async () => {
      const { store, log } = await open();
      await log.record(message());
      expect(await store.recordEvent('Ev9', '{}', NOW)).toBe(true);
      const result = await log.pinEvent({ eventId: 'Ev9', body: '{}', receivedAt: NOW }, pin(), NOW);
      expect(result.isNew).toBe(false);
      expect(await store.getTimelineEntry('msg:C1:1744044420.000100')).toBeNull();
    });

    it('leaves the name out when the cached one has expired, and treats a deleted message as not logged', async () => {
      const { log, names } = await open();
      await log.record(message());
      await log.record(message({ ts: '1744044421.000100', deleted: true }));
      await names.setName('U2', 'Bea', '2025-04-07T16:00:00.000Z');
      expect(await log.pin(pin(), NOW)).toEqual({ added: true, complete: true, authorId: 'U2', authorName: null });
      const deleted = pin({ key: 'msg:C1:1744044421.000100', ts: '1744044421.000100' });
      expect((await log.pin(deleted, NOW)).complete).toBe(false);
    });

    it('keeps user names until they expire', async () => {
      const { names } = await open();
      expect(await names.getName('U2', NOW)).toBeNull();
      await names.setName('U2', 'Bea', '2025-04-08T00:00:00.000Z');
      await names.setName('U2', 'Bea B.', '2025-04-08T00:00:00.000Z');
      await names.setName('U3', null, '2025-04-08T00:00:00.000Z');
      expect(await names.getName('U2', NOW)).toEqual({ name: 'Bea B.' });
      expect(await names.getName('U3', NOW)).toEqual({ name: null });
      expect(await names.getName('U2', '2025-04-09T00:00:00.000Z')).toBeNull();
    });

    it('trims a channel once its expiry passes, messages that came after the RCA commit too, and no other channel', async () => {
      const { log } = await open();
      await log.record(message());
      await log.record(message({ channelId: 'C2' }));
      await log.expireChannel('C1', '2025-04-10T00:00:00.000Z');
      await log.record(message({ ts: '1744044999.000100' }));
      expect(await log.trim('2025-04-09T00:00:00.000Z')).toBe(0);
      expect(await log.trim('2025-04-10T00:00:00.000Z')).toBe(2);
      expect(await log.get('C1', '1744044420.000100')).toBeNull();
      expect(await log.get('C2', '1744044420.000100')).not.toBeNull();
    });
  });
}
