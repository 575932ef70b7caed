import type { Kysely } from 'kysely';
import type { PendingUpdate, UpdateOutbox } from '#src/ports/update-outbox.ts';
import type { Database } from './schema.ts';

/** The `update_outbox` table (migration 0303). */
export interface UpdateOutboxTable {
  key: string;
  incident_id: string;
  /** `{update, channels}` as JSON. */
  body: string;
  claimed_at: string;
  sent_at: string | null;
}

type OutboxDatabase = { update_outbox: UpdateOutboxTable };

/** Status updates on their way, over the store's Kysely instance (SQLite or PostgreSQL). */
export class KyselyUpdateOutbox implements UpdateOutbox {
  private readonly db: Kysely<Database & OutboxDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<OutboxDatabase>();
  }

  async add(pending: PendingUpdate, at: string): Promise<void> {
    const body = JSON.stringify({ update: pending.update, channels: pending.channels });
    await this.db
      .insertInto('update_outbox')
      .values({ key: pending.key, incident_id: pending.incidentId, body, claimed_at: at, sent_at: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async sent(key: string, at: string): Promise<void> {
    await this.db.updateTable('update_outbox').set({ sent_at: at }).where('key', '=', key).execute();
  }

  async claimStale(before: string, at: string): Promise<PendingUpdate[]> {
    const rows = await this.db
      .selectFrom('update_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('claimed_at', '<', before)
      .orderBy('claimed_at')
      .limit(100)
      .execute();
    const claimed: PendingUpdate[] = [];
    for (const row of rows) {
      // Compare and set on the claim time: of two replicas, one moves it.
      const result = await this.db
        .updateTable('update_outbox')
        .set({ claimed_at: at })
        .where('key', '=', row.key)
        .where('claimed_at', '=', row.claimed_at)
        .where('sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) continue;
      const body = JSON.parse(row.body) as Pick<PendingUpdate, 'update' | 'channels'>;
      claimed.push({ key: row.key, incidentId: row.incident_id, ...body });
    }
    return claimed;
  }
}
