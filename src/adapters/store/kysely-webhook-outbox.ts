import { type Kysely, sql } from 'kysely';
import type { OutboxDelivery, WebhookOutbox } from '#src/ports/webhook-outbox.ts';
import type { Database } from './schema.ts';
import { insertIfAbsent } from './upsert.ts';

/** The `webhook_outbox` table (migration 0100). */
export interface WebhookOutboxTable {
  id: string;
  url: string;
  event: string;
  body: string;
  created_at: string;
  /** pending → delivered, or failed once every attempt is used up. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  finished_at: string | null;
  last_error: string | null;
}

type OutboxDatabase = { webhook_outbox: WebhookOutboxTable };

/**
 * The outbox over the bot's own Kysely instance (SQLite or PostgreSQL). A claim is one UPDATE … RETURNING:
 * on PostgreSQL the rows are picked with FOR UPDATE SKIP LOCKED, so two replicas claiming at once get
 * different rows; SQLite runs one write at a time, so the UPDATE alone is enough.
 */
export class KyselyWebhookOutbox implements WebhookOutbox {
  private readonly db: Kysely<Database & OutboxDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly kind: 'sqlite' | 'postgres',
  ) {
    this.db = db.withTables<OutboxDatabase>();
  }

  async enqueue(deliveries: { id: string; url: string; event: string; body: string; createdAt: string }[]) {
    const rows = deliveries.map((d) => ({
      id: d.id,
      url: d.url,
      event: d.event,
      body: d.body,
      created_at: d.createdAt,
      state: 'pending',
      attempts: 0,
      next_attempt_at: d.createdAt,
    }));
    await insertIfAbsent(this.db, 'webhook_outbox', rows, ['id']);
  }

  async claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]> {
    const due = this.db
      .selectFrom('webhook_outbox')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit);
    const rows = await this.db
      .updateTable('webhook_outbox')
      .set({ claimed_by: owner, claimed_until: leaseUntil })
      .where('id', 'in', this.kind === 'postgres' ? due.modifyEnd(sql`for update skip locked`) : due)
      // Checked again on the row itself, so a row another claim took meanwhile is not taken twice.
      .where('state', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .returning(['id', 'url', 'event', 'body', 'attempts'])
      .execute();
    return rows;
  }

  async markDelivered(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('webhook_outbox')
      .set({ state: 'delivered', finished_at: at, claimed_by: null, claimed_until: null, last_error: null })
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: string, error: string, nextAttemptAt: string | null, at: string): Promise<void> {
    await this.db
      .updateTable('webhook_outbox')
      .set({
        claimed_by: null,
        claimed_until: null,
        last_error: error.slice(0, 500),
        ...(nextAttemptAt === null ? { state: 'failed', finished_at: at } : { next_attempt_at: nextAttemptAt }),
      })
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom('webhook_outbox')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
