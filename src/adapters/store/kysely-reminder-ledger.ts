import type { Kysely } from 'kysely';
import type { ReminderLedger } from '#src/ports/store/reminder-ledger.ts';
import type { Database } from './schema.ts';
import { insertIfAbsent, upsert } from './upsert.ts';

/** Claimed and sent reminder stages in `reminder_ledger`, snoozes in `snoozes`. */
export function createKyselyReminderLedger(db: Kysely<Database>): ReminderLedger {
  const claim = (itemKey: string, stage: string) =>
    db.selectFrom('reminder_ledger').where('item_key', '=', itemKey).where('stage', '=', stage);

  return {
    claimReminder: (itemKey, stage, at) =>
      insertIfAbsent(db, 'reminder_ledger', { item_key: itemKey, stage, sent_at: at }, ['item_key', 'stage']),

    async markReminderSent(itemKey, stage, at) {
      await db
        .updateTable('reminder_ledger')
        .set({ delivered_at: at })
        .where('item_key', '=', itemKey)
        .where('stage', '=', stage)
        .where('delivered_at', 'is', null)
        .execute();
    },

    async isReminderUnsent(itemKey, stage) {
      const row = await claim(itemKey, stage).select('delivered_at').executeTakeFirst();
      return row !== undefined && row.delivered_at === null;
    },

    async releaseReminder(itemKey, stage) {
      await db.deleteFrom('reminder_ledger').where('item_key', '=', itemKey).where('stage', '=', stage).execute();
    },

    setSnooze: (itemKey, untilDay) => upsert(db, 'snoozes', { item_key: itemKey, until_day: untilDay }, ['item_key']),

    async listSnoozes() {
      const rows = await db.selectFrom('snoozes').selectAll().execute();
      return new Map(rows.map((r) => [r.item_key, r.until_day]));
    },
  };
}
