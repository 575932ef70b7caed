import type { Kysely, Migration } from 'kysely';

/** `0303_update_outbox`: status updates between being recorded and being posted. */
export const updateOutboxMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('update_outbox')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema
      .createIndex('update_outbox_unsent')
      .on('update_outbox')
      .columns(['sent_at', 'claimed_at'])
      .execute();
  },
};
