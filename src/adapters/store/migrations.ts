import type { Migration, MigrationProvider } from 'kysely';
import { ddl } from './migrations/ddl.ts';
import { messageLogMigration } from './migrations/message-log-migration.ts';
import { privateIncidentsMigration } from './migrations/private-incidents-migration.ts';
import { reviewRecordsMigration } from './migrations/review-records-migration.ts';
import { updateOutboxMigration } from './migrations/update-outbox-migration.ts';

/** Every schema change, in order; both dialects run the same ones. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_incidents_and_timeline': ddl(
    `create table incidents (
      id text primary key,
      title text not null,
      severity text not null,
      status text not null,
      channel_id text unique,
      channel_name text,
      summary_ts text,
      declared_by text not null,
      declared_at text not null,
      resolved_at text,
      roles text not null,
      services text not null,
      summary text not null,
      root_cause text not null,
      impact text not null,
      resolution text not null,
      rca_path text
    )`,
    `create table timeline_entries (
      key text primary key,
      incident_id text not null,
      kind text not null,
      at text not null,
      sort_key text not null,
      author_id text,
      author_name text,
      text text not null,
      permalink text,
      pending integer default 0 not null
    )`,
    'create index timeline_by_incident on timeline_entries (incident_id, sort_key)',
    `create table reactors (
      message_key text not null,
      user_id text not null,
      constraint reactors_pk primary key (message_key, user_id)
    )`,
    `create table events (
      event_id text primary key,
      body text not null,
      received_at text not null,
      done integer default 0 not null
    )`,
    'create index events_pending on events (done, received_at)',
  ),
  '0002_action_items': ddl(
    `create table action_items (
      id text primary key,
      incident_id text not null,
      priority text,
      action text not null,
      owner text not null,
      due text not null,
      done integer default 0 not null,
      created_at text not null
    )`,
    'create index action_items_by_incident on action_items (incident_id)',
  ),
  '0003_timeline_detail': ddl('alter table timeline_entries add column detail text'),
  '0004_reminders': ddl(
    'create table rca_scan_cache (path text primary key, blob text not null, data text not null)',
    `create table reminder_ledger (
      item_key text not null,
      stage text not null,
      sent_at text not null,
      constraint reminder_ledger_pk primary key (item_key, stage)
    )`,
    'create table snoozes (item_key text primary key, until_day text not null)',
    'create table settings (key text primary key, value text not null)',
  ),
  // A ledger row is a claim until `delivered_at` is set; rows from before were all sent.
  '0005_reminder_delivery_and_owner_cache': ddl(
    'alter table reminder_ledger add column delivered_at text',
    'update reminder_ledger set delivered_at = sent_at',
    'create table owner_lookups (owner_key text primary key, data text not null, expires_at text not null)',
  ),
  '0100_webhook_outbox': ddl(
    `create table webhook_outbox (
      id text primary key,
      url text not null,
      event text not null,
      body text not null,
      created_at text not null,
      state text default 'pending' not null,
      attempts integer default 0 not null,
      next_attempt_at text not null,
      claimed_by text,
      claimed_until text,
      finished_at text,
      last_error text
    )`,
    'create index webhook_outbox_due on webhook_outbox (state, next_attempt_at)',
  ),
  '0101_tracker_links': ddl(
    'create table tracker_links (item_key text primary key, issue_key text not null, issue_url text, created_at text not null)',
  ),
  '0200_message_log': messageLogMigration,
  // One row per missed status-update period of an incident: whoever inserts it sends the nudge.
  '0301_update_nudges': ddl(
    `create table update_nudges (
      incident_id text not null,
      slot text not null,
      claimed_at text not null,
      constraint update_nudges_pk primary key (incident_id, slot)
    )`,
  ),
  '0302_rca_reviews': reviewRecordsMigration,
  '0303_update_outbox': updateOutboxMigration,
  '0400_private_incidents': privateIncidentsMigration,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
