import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ArrivingEvent, LoggedMessage, LogPin, LogPinResult, MessageLog } from '#src/ports.ts';
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

type PinEvent = { event: ArrivingEvent; pin: LogPin; now: string };

const NOT_ADDED: LogPinResult = { added: false, complete: false, authorId: null, authorName: null };

const pinResult = (row: PinRow | undefined): LogPinResult =>
  row
    ? { added: true, complete: Number(row.pending) === 0, authorId: row.author_id, authorName: row.author_name }
    : NOT_ADDED;

/** The pins of a statement, as the `input` table its inserts read (with the event that brought each). */
function pinInput(pins: readonly { pin: LogPin; eventId: string }[]) {
  const values = sql.join(
    pins.map(
      ({ pin: p, eventId }) =>
        sql`(${eventId}, ${p.key}, ${p.incidentId}, ${p.channelId}, ${p.ts}, ${p.at}, ${p.sortKey}, ${p.reactorId})`,
    ),
  );
  return sql`input(event_id, key, incident_id, channel_id, ts, at, sort_key, reactor) as (values ${values})`;
}

/** The reactor of each pin `which` picks (SQLite needs a WHERE to tell ON CONFLICT from a join). */
const insertReactors = (which: RawBuilder<unknown>) =>
  sql`insert into reactors (message_key, user_id) select key, reactor from input where ${which} on conflict (message_key, user_id) do nothing`;

/** The entry of each pin `which` picks, complete from the log (and the cached name) when it holds the message. */
const insertEntries = (which: RawBuilder<unknown>, now: string) =>
  sql`insert into timeline_entries (key, incident_id, kind, at, sort_key, author_id, author_name, text, permalink, pending)
      select i.key, i.incident_id, 'message', i.at, i.sort_key, m.user_id, u.name, coalesce(m.text, ''), null,
        case when m.ts is null then 1 else 0 end
      from input i
      left join message_log m on m.channel_id = i.channel_id and m.ts = i.ts and m.deleted = 0
      left join user_names u on u.user_id = m.user_id and u.expires_at > ${now}
      where ${which}
      on conflict (key) do nothing
      returning key, pending, author_id, author_name`;

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

  /** The event inbox's pool (PostgreSQL: its own connections, which wait for the WAL flush) for `pinEvent`. */
  private readonly inbox: Kysely<Database>;

  constructor(
    kind: 'sqlite' | 'postgres',
    db: Kysely<Database>,
    /** The store's `inbox` (`KyselyIncidentStore.inbox`); without it, `db` with this log's own writers. */
    inbox?: { db: Kysely<Database>; writers: number },
  ) {
    this.kind = kind;
    this.writers = kind === 'postgres' ? 3 : 1;
    inbox ??= { db, writers: this.writers };
    this.db = db.withTables<MessageLogTables>() as unknown as Kysely<MessageLogTables>;
    this.inbox = inbox.db;
    this.writer = this.messageWriter();
    this.pinner = this.pinWriter();
    this.eventPinner = new GroupWriter<PinEvent, { isNew: boolean; pinned: LogPinResult }>(
      (items) => this.writePinEvents(items),
      undefined,
      inbox.writers,
    );
  }

  private readonly writer: GroupWriter<LoggedMessage, void>;
  private readonly pinner: GroupWriter<{ pin: LogPin; now: string }, LogPinResult>;
  private readonly eventPinner: GroupWriter<PinEvent, { isNew: boolean; pinned: LogPinResult }>;

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
            results[items.indexOf(item)] = pinResult(row);
          }
        }
        return results;
      },
      undefined,
      this.writers,
    );
  }

  private async pinRound(pins: LogPin[], now: string): Promise<PinRow[]> {
    const input = pinInput(pins.map((pin) => ({ pin, eventId: '' })));
    if (this.kind === 'postgres') {
      return (
        await sql<PinRow>`with ${input}, r as (${insertReactors(sql`true`)}) ${insertEntries(sql`true`, now)}`.execute(
          this.db,
        )
      ).rows;
    }
    await sql`with ${input} ${insertReactors(sql`true`)}`.execute(this.db);
    return (await sql<PinRow>`with ${input} ${insertEntries(sql`true`, now)}`.execute(this.db)).rows;
  }

  /**
   * Pins with their events, grouped: on PostgreSQL one statement on the inbox's pool inserts the events
   * and, for those that are new, the reactors and entries; on SQLite one transaction does it in three.
   * The first copy of an event id in a batch is the one that may be new; two new pins of one message
   * write its entry once (the first), and the other only adds its reactor.
   */
  private async writePinEvents(items: PinEvent[]): Promise<{ isNew: boolean; pinned: LogPinResult }[]> {
    const firsts = new Map<string, PinEvent>();
    for (const item of items) if (!firsts.has(item.event.eventId)) firsts.set(item.event.eventId, item);
    const unique = [...firsts.values()];
    const now = items[0]!.now;
    const eventRows = sql.join(
      unique.map(({ event }) => sql`(${event.eventId}, ${event.body}, ${event.receivedAt}, 0)`),
    );
    const insertEvents = sql`insert into events (event_id, body, received_at, done) values ${eventRows} on conflict (event_id) do nothing returning event_id`;
    const input = pinInput(unique.map(({ event, pin }) => ({ pin, eventId: event.eventId })));
    let fresh: Set<string>;
    let rows: PinRow[];
    if (this.kind === 'postgres') {
      const result = await sql<PinRow & { event_id: string | null }>`with ev as (${insertEvents}), ${input},
        r as (${insertReactors(sql`event_id in (select event_id from ev)`)}),
        e as (${insertEntries(sql`i.event_id in (select event_id from ev)`, now)})
        select event_id, null as key, null as pending, null as author_id, null as author_name from ev
        union all select null, key, pending, author_id, author_name from e`.execute(this.inbox);
      fresh = new Set(result.rows.flatMap((r) => (r.event_id === null ? [] : [r.event_id])));
      rows = result.rows.filter((r) => r.event_id === null);
    } else {
      // One transaction: an event row without its pin would make Slack's retry a duplicate, pinned
      // only by a replay after the next restart.
      ({ fresh, rows } = await this.inbox.transaction().execute(async (trx) => {
        const inserted = await sql<{ event_id: string }>`${insertEvents}`.execute(trx);
        const ids = new Set(inserted.rows.map((r) => r.event_id));
        if (ids.size === 0) return { fresh: ids, rows: [] as PinRow[] };
        const list = sql.join([...ids]);
        await sql`with ${input} ${insertReactors(sql`event_id in (${list})`)}`.execute(trx);
        const entries = await sql<PinRow>`with ${input} ${insertEntries(sql`i.event_id in (${list})`, now)}`.execute(
          trx,
        );
        return { fresh: ids, rows: entries.rows };
      }));
    }
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return items.map((item) => {
      if (firsts.get(item.event.eventId) !== item || !fresh.has(item.event.eventId))
        return { isNew: false, pinned: NOT_ADDED };
      const row = byKey.get(item.pin.key);
      byKey.delete(item.pin.key);
      return { isNew: true, pinned: pinResult(row) };
    });
  }

  async record(message: LoggedMessage): Promise<void> {
    await this.writer.submit(message);
  }

  async pin(pin: LogPin, now: string): Promise<LogPinResult> {
    return this.pinner.submit({ pin, now });
  }

  async pinEvent(event: ArrivingEvent, pin: LogPin, now: string): Promise<{ isNew: boolean; pinned: LogPinResult }> {
    return this.eventPinner.submit({ event, pin, now });
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
