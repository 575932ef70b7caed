import { type Kysely, sql } from 'kysely';
import type { LoggedMessage, LogPin, LogPinResult, MessageLog } from '#src/ports.ts';
import { GroupWriter } from './group-writer.ts';
import { createRowMapping } from './row-mapping.ts';
import type { Database } from './schema.ts';
import { upsert } from './upsert.ts';

export interface MessageLogTable {
  channel_id: string;
  ts: string;
  thread_ts: string | null;
  user_id: string | null;
  text: string;
  deleted: number;
  version: string;
}

export type MessageLogTables = {
  message_log: MessageLogTable;
  message_log_expiry: { channel_id: string; expires_at: string };
  user_names: { user_id: string; name: string | null; expires_at: string };
};

const messageRows = createRowMapping<LoggedMessage, MessageLogTable>({ flags: ['deleted'] });

type PinRow = { key: string; pending: number | string; author_id: string | null; author_name: string | null };

/**
 * The message log over the shared Kysely instance. Writes are grouped as the inbox's are: messages
 * arriving together cost one statement, and so do pins (on PostgreSQL the reactor and the entry go in
 * one statement; on SQLite, in process, in two). On PostgreSQL they go through the main pool, which
 * commits without waiting for the WAL flush: a log row lost to a database crash only costs that
 * message's pin a `conversations.replies`, as for a message the bot never heard.
 */
export class KyselyMessageLog implements MessageLog {
  private readonly db: Kysely<MessageLogTables>;
  private readonly kind: 'sqlite' | 'postgres';
  /** Grouped writes in flight at once: several on PostgreSQL's pool, one on SQLite's one connection. */
  private readonly writers: number;

  constructor(kind: 'sqlite' | 'postgres', db: Kysely<Database>) {
    this.kind = kind;
    this.writers = kind === 'postgres' ? 3 : 1;
    this.db = db.withTables<MessageLogTables>() as unknown as Kysely<MessageLogTables>;
    this.writer = this.messageWriter();
    this.pinner = this.pinWriter();
  }

  private readonly writer: GroupWriter<LoggedMessage, void>;
  private readonly pinner: GroupWriter<{ pin: LogPin; now: string }, LogPinResult>;

  private messageWriter() {
    return new GroupWriter<LoggedMessage, void>(
      async (messages) => {
        // One row per message in a statement (PostgreSQL refuses to update a row twice): the latest version.
        const latest = new Map<string, LoggedMessage>();
        for (const m of messages) {
          const key = `${m.channelId}:${m.ts}`;
          const seen = latest.get(key);
          if (!seen || seen.version < m.version) latest.set(key, m);
        }
        await this.db
          .insertInto('message_log')
          .values([...latest.values()].map(messageRows.toRow))
          .onConflict((oc) =>
            oc
              .columns(['channel_id', 'ts'])
              .doUpdateSet((eb) => ({
                thread_ts: eb.fn.coalesce('excluded.thread_ts', 'message_log.thread_ts'),
                user_id: eb.fn.coalesce('excluded.user_id', 'message_log.user_id'),
                text: eb.ref('excluded.text'),
                deleted: eb.ref('excluded.deleted'),
                version: eb.ref('excluded.version'),
              }))
              .where('message_log.version', '<', (eb) => eb.ref('excluded.version')),
          )
          .execute();
        return messages.map(() => undefined);
      },
      undefined,
      this.writers,
    );
  }

  private pinWriter() {
    return new GroupWriter<{ pin: LogPin; now: string }, LogPinResult>(
      async (items) => {
        const results: LogPinResult[] = [];
        // Two reactors on one message in a batch: the entry is written by the first round only.
        for (let rest = items; rest.length > 0; ) {
          const seen = new Set<string>();
          const round = rest.filter((i) => !seen.has(i.pin.key) && seen.add(i.pin.key));
          rest = rest.filter((i) => !round.includes(i));
          const rows = await this.pinRound(
            round.map((i) => i.pin),
            round[0]!.now,
          );
          const byKey = new Map(rows.map((r) => [r.key, r]));
          for (const item of round) {
            const row = byKey.get(item.pin.key);
            results[items.indexOf(item)] = row
              ? {
                  added: true,
                  complete: Number(row.pending) === 0,
                  authorId: row.author_id,
                  authorName: row.author_name,
                }
              : { added: false, complete: false, authorId: null, authorName: null };
          }
        }
        return results;
      },
      undefined,
      this.writers,
    );
  }

  private async pinRound(pins: LogPin[], now: string): Promise<PinRow[]> {
    const values = sql.join(
      pins.map((p) => sql`(${p.key}, ${p.incidentId}, ${p.channelId}, ${p.ts}, ${p.at}, ${p.sortKey}, ${p.reactorId})`),
    );
    const input = sql`input(key, incident_id, channel_id, ts, at, sort_key, reactor) as (values ${values})`;
    const reactors = sql`insert into reactors (message_key, user_id) select key, reactor from input where true on conflict (message_key, user_id) do nothing`;
    const entries = sql`insert into timeline_entries (key, incident_id, kind, at, sort_key, author_id, author_name, text, permalink, pending)
      select i.key, i.incident_id, 'message', i.at, i.sort_key, m.user_id, u.name, coalesce(m.text, ''), null,
        case when m.ts is null then 1 else 0 end
      from input i
      left join message_log m on m.channel_id = i.channel_id and m.ts = i.ts and m.deleted = 0
      left join user_names u on u.user_id = m.user_id and u.expires_at > ${now}
      where true
      on conflict (key) do nothing
      returning key, pending, author_id, author_name`;
    if (this.kind === 'postgres') {
      return (await sql<PinRow>`with ${input}, r as (${reactors}) ${entries}`.execute(this.db)).rows;
    }
    await sql`with ${input} ${reactors}`.execute(this.db);
    return (await sql<PinRow>`with ${input} ${entries}`.execute(this.db)).rows;
  }

  async record(message: LoggedMessage): Promise<void> {
    await this.writer.submit(message);
  }

  async pin(pin: LogPin, now: string): Promise<LogPinResult> {
    return this.pinner.submit({ pin, now });
  }

  async get(channelId: string, ts: string): Promise<LoggedMessage | null> {
    const row = await this.db
      .selectFrom('message_log')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('ts', '=', ts)
      .executeTakeFirst();
    return row ? messageRows.fromRow(row) : null;
  }

  async threadReplies(channelId: string, threadTs: string): Promise<LoggedMessage[]> {
    const rows = await this.db
      .selectFrom('message_log')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('thread_ts', '=', threadTs)
      .where('ts', '!=', threadTs)
      .where('deleted', '=', 0)
      .orderBy('ts')
      .execute();
    return rows.map(messageRows.fromRow);
  }

  async expireChannel(channelId: string, expiresAt: string): Promise<void> {
    await upsert(this.db, 'message_log_expiry', { channel_id: channelId, expires_at: expiresAt }, ['channel_id']);
  }

  async trim(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('message_log')
      .where('channel_id', 'in', (eb) =>
        eb.selectFrom('message_log_expiry').select('channel_id').where('expires_at', '<=', now),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
