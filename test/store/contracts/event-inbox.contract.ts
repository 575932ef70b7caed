import { describe, expect, it } from 'vitest';
import type { EventInbox } from '#src/ports/store/event-inbox.ts';
import type { ReopenableHandle } from './role-handle.ts';

/** What every `EventInbox` keeps: each event id once, pending until completed, across restarts and replicas. */
export function describeEventInboxContract(name: string, make: () => Promise<ReopenableHandle<EventInbox>>): void {
  describe(`EventInbox contract on ${name}`, () => {
    it('records an event once, and keeps it pending until completed, across a reopen', async () => {
      const { store, close, reopen } = await make();

      const first = await store.recordEvent('Ev1', '{"a":1}', '2025-04-07T16:47:00.000Z');
      const again = await store.recordEvent('Ev1', '{"a":1}', '2025-04-07T16:47:01.000Z');
      await store.recordEvent('Ev2', '{"b":2}', '2025-04-07T16:47:02.000Z');
      await store.completeEvent('Ev2');
      await close();
      const other = await reopen();

      expect([first, again]).toEqual([true, false]);
      expect(await other.store.pendingEvents()).toEqual([{ eventId: 'Ev1', body: '{"a":1}' }]);
      expect(await other.store.recordEvent('Ev2', '{"b":2}', '2025-04-07T16:48:00.000Z')).toBe(false);
      await other.close();
    });

    it('tells apart events recorded together, and a copy within the same burst', async () => {
      const { store, close } = await make();

      const results = await Promise.all([
        store.recordEvent('Ev1', '{}', '2025-04-07T16:47:00.000Z'),
        store.recordEvent('Ev2', '{}', '2025-04-07T16:47:00.000Z'),
        store.recordEvent('Ev1', '{}', '2025-04-07T16:47:00.000Z'),
        store.recordEvent('Ev3', '{}', '2025-04-07T16:47:00.000Z'),
      ]);
      await Promise.all([store.completeEvent('Ev1'), store.completeEvent('Ev1'), store.completeEvent('Ev3')]);

      // Writes in flight together may land in either order (PostgreSQL runs up to three at once): one
      // copy of Ev1 wins, whichever it is.
      expect([results[1], results[3]]).toEqual([true, true]);
      expect([results[0], results[2]].sort()).toEqual([false, true]);
      expect(await store.pendingEvents()).toEqual([{ eventId: 'Ev2', body: '{}' }]);
      await close();
    });

    it('gives pending events in the order they were received', async () => {
      const { store, close } = await make();
      await store.recordEvent('Ev-b', '2', '2025-04-07T16:47:02.000Z');
      await store.recordEvent('Ev-c', '1', '2025-04-07T16:47:01.000Z');
      await store.recordEvent('Ev-a', '3', '2025-04-07T16:47:02.000Z');

      expect((await store.pendingEvents()).map((e) => e.eventId)).toEqual(['Ev-c', 'Ev-a', 'Ev-b']);
      await close();
    });

    it('lets two handles on the same data race to record the same event: exactly one wins', async () => {
      const { store, close, reopen } = await make();
      const other = await reopen();

      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? store : other.store).recordEvent('Ev-race', '{}', '2025-04-07T16:47:00.000Z'),
        ),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
      await close();
      await other.close();
    });
  });
}
