import type { Kysely } from 'kysely';
import type { EventInbox } from '#src/ports/store/event-inbox.ts';
import { GroupWriter } from './group-writer.ts';
import type { Database } from './schema.ts';

/**
 * How long a completion waits for others to share its statement: nobody waits on it (its event was
 * acked long before), and one statement per 20 ms instead of one per event leaves the connection (on
 * SQLite, the thread that acks) to the inbox writes in a burst.
 */
const COMPLETION_DELAY_MS = 20;

interface Received {
  eventId: string;
  body: string;
  receivedAt: string;
}

/**
 * The `events` table. Writes are grouped: many events arriving together cost one statement, not one
 * each. `inbox` is the pool an event is written through before its ack (on PostgreSQL its own, which
 * waits for the WAL flush); completing an event goes through `db`, since a lost completion only replays it.
 * Up to `writers` grouped inbox writes go at once (one per inbox connection), so an event arriving
 * while one waits for its flush does not wait for that flush as well as its own; completions go one
 * statement at a time, each gathering what the last 20 ms completed.
 */
export function createKyselyEventInbox(db: Kysely<Database>, inbox: Kysely<Database> = db, writers = 1): EventInbox {
  const recorder = new GroupWriter<Received, boolean>(
    async (items) => {
      const unique = [...new Map(items.map((i) => [i.eventId, i])).values()];
      const inserted = await inbox
        .insertInto('events')
        .values(unique.map((i) => ({ event_id: i.eventId, body: i.body, received_at: i.receivedAt, done: 0 })))
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .execute();
      const fresh = new Set(inserted.map((r) => r.event_id));
      // Within one batch the first copy of an id is the new one; any later copy is a duplicate.
      return items.map((item) => fresh.delete(item.eventId));
    },
    undefined,
    writers,
  );

  const completer = new GroupWriter<string, void>(
    async (ids) => {
      await db
        .updateTable('events')
        .set({ done: 1, body: '' })
        .where('event_id', 'in', [...new Set(ids)])
        .execute();
      return ids.map(() => undefined);
    },
    undefined,
    1,
    COMPLETION_DELAY_MS,
  );

  return {
    recordEvent: (eventId, body, receivedAt) => recorder.submit({ eventId, body, receivedAt }),

    async completeEvent(eventId) {
      await completer.submit(eventId);
    },

    async pendingEvents() {
      const rows = await inbox
        .selectFrom('events')
        .select(['event_id', 'body'])
        .where('done', '=', 0)
        .orderBy('received_at')
        .orderBy('event_id')
        .execute();
      return rows.map((r) => ({ eventId: r.event_id, body: r.body }));
    },
  };
}
