import type { Kysely, Migration } from 'kysely';

/** `0200_message_log`: the messages of incident channels, their expiry, and the user-name cache. */
export const messageLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('message_log')
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('ts', 'text', (c) => c.notNull())
      .addColumn('thread_ts', 'text')
      .addColumn('user_id', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_log_pk', ['channel_id', 'ts'])
      .execute();
    await db.schema.createIndex('message_log_threads').on('message_log').columns(['channel_id', 'thread_ts']).execute();
    await db.schema
      .createTable('message_log_expiry')
      .addColumn('channel_id', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('user_names')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
