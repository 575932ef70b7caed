import { describe, expect, it } from 'vitest';
import type { ReminderLedger } from '#src/ports/store/reminder-ledger.ts';
import type { ReopenableHandle } from './role-handle.ts';

const STAGE = 'due@2025-05-01';

/** What every `ReminderLedger` keeps: one claim per item and stage, its delivery, and snoozes. */
export function describeReminderLedgerContract(
  name: string,
  make: () => Promise<ReopenableHandle<ReminderLedger>>,
): void {
  describe(`ReminderLedger contract on ${name}`, () => {
    it('keeps a reminder claimed but unsent until it is marked sent, across a reopen', async () => {
      const { store, close, reopen } = await make();

      const claimed = await store.claimReminder('item-1', STAGE, '2025-05-01T08:00:00.000Z');
      await close();
      const after = await reopen();
      const unsentAfterCrash = await after.store.isReminderUnsent('item-1', STAGE);
      const claimedAgain = await after.store.claimReminder('item-1', STAGE, '2025-05-02T08:00:00.000Z');
      await after.store.markReminderSent('item-1', STAGE, '2025-05-02T08:00:01.000Z');

      expect([claimed, unsentAfterCrash, claimedAgain]).toEqual([true, true, false]);
      expect(await after.store.isReminderUnsent('item-1', STAGE)).toBe(false);
      expect(await after.store.isReminderUnsent('item-2', STAGE)).toBe(false);
      await after.close();
    });

    it('gives a claim to exactly one of two handles racing for it, and each stage its own claim', async () => {
      const { store, close, reopen } = await make();
      const other = await reopen();

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? store : other.store).claimReminder('item-1', STAGE, '2025-05-01T08:00:00.000Z'),
        ),
      );
      const otherStage = await store.claimReminder('item-1', 'overdue@2025-05-08', '2025-05-08T08:00:00.000Z');

      expect(results.filter(Boolean)).toHaveLength(1);
      expect(otherStage).toBe(true);
      await close();
      await other.close();
    });

    it('lets a released claim be claimed again', async () => {
      const { store, close } = await make();
      await store.claimReminder('item-1', STAGE, '2025-05-01T08:00:00.000Z');

      await store.releaseReminder('item-1', STAGE);

      expect(await store.isReminderUnsent('item-1', STAGE)).toBe(false);
      expect(await store.claimReminder('item-1', STAGE, '2025-05-01T09:00:00.000Z')).toBe(true);
      await close();
    });

    it('keeps the latest snooze of each item', async () => {
      const { store, close } = await make();
      const before = await store.listSnoozes();

      await store.setSnooze('item-1', '2025-05-03');
      await store.setSnooze('item-2', '2025-05-04');
      await store.setSnooze('item-1', '2025-05-10');

      expect(before).toEqual(new Map());
      expect(await store.listSnoozes()).toEqual(
        new Map([
          ['item-1', '2025-05-10'],
          ['item-2', '2025-05-04'],
        ]),
      );
      await close();
    });
  });
}
