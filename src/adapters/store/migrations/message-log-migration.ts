import { ddl } from './ddl.ts';

/** `0200_message_log`: the messages of incident channels, their expiry, and the user-name cache. */
export const messageLogMigration = ddl(
  `create table message_log (
    channel_id text not null,
    ts text not null,
    thread_ts text,
    user_id text,
    text text not null,
    deleted integer not null,
    version text not null,
    constraint message_log_pk primary key (channel_id, ts)
  )`,
  'create index message_log_threads on message_log (channel_id, thread_ts)',
  'create table message_log_expiry (channel_id text primary key, expires_at text not null)',
  'create table user_names (user_id text primary key, name text, expires_at text not null)',
);
