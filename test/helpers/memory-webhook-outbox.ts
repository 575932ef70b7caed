import type { OutboxDelivery, WebhookOutbox } from '#src/ports/webhook-outbox.ts';

interface Row {
  id: string;
  url: string;
  event: string;
  body: string;
  createdAt: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  finishedAt: string | null;
  lastError: string | null;
}

/**
 * `WebhookOutbox` in memory, as `KyselyWebhookOutbox` keeps it: a delivery id is enqueued once, a claim
 * leases the due pending rows (earliest attempt first) to one owner until the lease runs out, each
 * delivered or failed attempt counts, and a failure with no next attempt gives the delivery up.
 */
export class MemoryWebhookOutbox implements WebhookOutbox {
  readonly rows = new Map<string, Row>();

  async enqueue(deliveries: { id: string; url: string; event: string; body: string; createdAt: string }[]) {
    for (const d of deliveries) {
      if (this.rows.has(d.id)) continue;
      this.rows.set(d.id, {
        ...d,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: d.createdAt,
        claimedBy: null,
        claimedUntil: null,
        finishedAt: null,
        lastError: null,
      });
    }
  }

  async claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]> {
    const due = [...this.rows.values()]
      .filter(
        (r) => r.state === 'pending' && r.nextAttemptAt <= now && (r.claimedUntil === null || r.claimedUntil < now),
      )
      .sort((a, b) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : 0))
      .slice(0, limit);
    return due.map((row) => {
      row.claimedBy = owner;
      row.claimedUntil = leaseUntil;
      return { id: row.id, url: row.url, event: row.event, body: row.body, attempts: row.attempts };
    });
  }

  async markDelivered(id: string, at: string): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    Object.assign(row, { state: 'delivered', finishedAt: at, claimedBy: null, claimedUntil: null, lastError: null });
    row.attempts += 1;
  }

  async markFailed(id: string, error: string, nextAttemptAt: string | null, at: string): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    Object.assign(row, { claimedBy: null, claimedUntil: null, lastError: error.slice(0, 500) });
    if (nextAttemptAt === null) Object.assign(row, { state: 'failed', finishedAt: at });
    else row.nextAttemptAt = nextAttemptAt;
    row.attempts += 1;
  }

  async pendingCount(): Promise<number> {
    return [...this.rows.values()].filter((r) => r.state === 'pending').length;
  }
}
