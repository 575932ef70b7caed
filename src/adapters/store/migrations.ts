import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { messageLogMigration } from './migrations/message-log-migration.ts';
import { privateIncidentsMigration } from './migrations/private-incidents-migration.ts';

/** Every schema change, in order; both dialects run the same ones. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_incidents_and_timeline': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.unique())
        .addColumn('channel_name', 'text')
        .addColumn('summary_ts', 'text')
        .addColumn('declared_by', 'text', (c) => c.notNull())
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('services', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('root_cause', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text', (c) => c.notNull())
        .addColumn('rca_path', 'text')
        .execute();
      await db.schema
        .createTable('timeline_entries')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('author_name', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('permalink', 'text')
        .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('timeline_by_incident')
        .on('timeline_entries')
        .columns(['incident_id', 'sort_key'])
        .execute();
      await db.schema
        .createTable('reactors')
        .addColumn('message_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reactors_pk', ['message_key', 'user_id'])
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('events_pending').on('events').columns(['done', 'received_at']).execute();
    },
  },
  '0002_action_items': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('action_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('priority', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('due', 'text', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('action_items_by_incident').on('action_items').columns(['incident_id']).execute();
    },
  },
  '0003_timeline_detail': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('timeline_entries').addColumn('detail', 'text').execute();
    },
  },
  '0004_reminders': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rca_scan_cache')
        .addColumn('path', 'text', (c) => c.primaryKey())
        .addColumn('blob', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('reminder_ledger')
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminder_ledger_pk', ['item_key', 'stage'])
        .execute();
      await db.schema
        .createTable('snoozes')
        .addColumn('item_key', 'text', (c) => c.primaryKey())
        .addColumn('until_day', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0005_reminder_delivery_and_owner_cache': {
    async up(db: Kysely<unknown>) {
      // A ledger row is a claim until `delivered_at` is set; rows from before were all sent.
      await db.schema.alterTable('reminder_ledger').addColumn('delivered_at', 'text').execute();
      await sql`update reminder_ledger set delivered_at = sent_at`.execute(db);
      await db.schema
        .createTable('owner_lookups')
        .addColumn('owner_key', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0100_webhook_outbox': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_outbox_due')
        .on('webhook_outbox')
        .columns(['state', 'next_attempt_at'])
        .execute();
    },
  },
  '0101_tracker_links': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tracker_links')
        .addColumn('item_key', 'text', (c) => c.primaryKey())
        .addColumn('issue_key', 'text', (c) => c.notNull())
        .addColumn('issue_url', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0200_message_log': messageLogMigration,
  '0301_update_nudges': {
    async up(db: Kysely<unknown>) {
      // One row per missed status-update period of an incident: whoever inserts it sends the nudge.
      await db.schema
        .createTable('update_nudges')
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('update_nudges_pk', ['incident_id', 'slot'])
        .execute();
    },
  },
  '0400_private_incidents': privateIncidentsMigration,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
