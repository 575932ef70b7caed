import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Locks } from '#src/ports/store/locks.ts';
import type { RoleHandle } from './role-handle.ts';

/**
 * `otherReplica` is a second process's locks on the same data, where the locks reach across processes
 * (PostgreSQL); absent where one process owns the data (SQLite, memory).
 */
export interface LocksHandle extends RoleHandle<Locks> {
  otherReplica?(): Promise<RoleHandle<Locks>>;
}

function gate(): { open(): void; opened: Promise<void> } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** What every `Locks` guarantees: one holder per name, released on failure, `tryWithLock` never waits on a replica. */
export function describeLocksContract(name: string, make: () => Promise<LocksHandle>): void {
  describe(`Locks contract on ${name}`, () => {
    it('runs the tasks under one name one at a time, in the order they asked, and gives each its result', async () => {
      const { store, close } = await make();
      const events: string[] = [];
      const task = (n: number) => async () => {
        events.push(`start ${n}`);
        await sleep(5);
        events.push(`end ${n}`);
        return n;
      };

      const results = await Promise.all([1, 2, 3].map((n) => store.withLock('scan', task(n))));

      expect(results).toEqual([1, 2, 3]);
      expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
      await close();
    });

    it('does not make a task wait for a lock of another name', async () => {
      const { store, close } = await make();
      const held = gate();
      const holder = store.withLock('scan', () => held.opened);

      const other = await store.withLock('remind', async () => 'ran');
      const tried = await store.tryWithLock('digest', async () => 'tried');
      held.open();
      await holder;

      expect([other, tried]).toEqual(['ran', 'tried']);
      await close();
    });

    it('releases the lock when a task fails, and gives the caller the error', async () => {
      const { store, close } = await make();

      const failed = store.withLock('scan', async () => {
        throw new Error('scan broke');
      });
      const next = store.withLock('scan', async () => 'next');
      const failedTry = store.tryWithLock('scan', async () => {
        throw new Error('try broke');
      });

      const [a, b, c] = await Promise.allSettled([failed, next, failedTry]);

      expect(a).toMatchObject({ status: 'rejected', reason: new Error('scan broke') });
      expect(b).toEqual({ status: 'fulfilled', value: 'next' });
      expect(c).toMatchObject({ status: 'rejected', reason: new Error('try broke') });
      expect(await store.tryWithLock('scan', async () => 'free')).toBe('free');
      await close();
    });

    it('gives up at once when another replica holds the lock, and waits its turn with withLock', async (context) => {
      const handle = await make();
      if (!handle.otherReplica) {
        await handle.close();
        context.skip();
        return;
      }
      const replica = await handle.otherReplica();
      const held = gate();
      const started = gate();
      const holder = handle.store.withLock('scan', async () => {
        started.open();
        await held.opened;
      });
      await started.opened;
      const events: string[] = [];

      const tried = await replica.store.tryWithLock('scan', async () => 'should not run');
      const waiting = replica.store.withLock('scan', async () => events.push('replica ran'));
      await sleep(100);
      events.push('holder done');
      held.open();
      await holder;
      await waiting;

      expect(tried).toBeNull();
      expect(events).toEqual(['holder done', 'replica ran']);
      expect(await replica.store.tryWithLock('scan', async () => 'free')).toBe('free');
      await replica.close();
      await handle.close();
    });
  });
}
