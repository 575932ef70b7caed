/** One delivery waiting in the outbox: a body for one URL, sent until the receiver answers 2xx. */
export interface OutboxDelivery {
  /** Stable per (event, URL), so enqueuing the same event twice keeps one row. */
  id: string;
  url: string;
  event: string;
  body: string;
  attempts: number;
}

/**
 * The durable outbox outgoing webhooks are sent from (in the store, so a restart loses nothing). A
 * claimed row is leased to one replica; a lease that runs out (the replica died) frees it again.
 */
export interface WebhookOutbox {
  /** Adds deliveries; ones whose id is already there are left as they are. */
  enqueue(deliveries: { id: string; url: string; event: string; body: string; createdAt: string }[]): Promise<void>;
  /** Leases up to `limit` due deliveries to `owner` until `leaseUntil`; no other caller gets them meanwhile. */
  claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]>;
  markDelivered(id: string, at: string): Promise<void>;
  /** Puts a delivery back for another attempt at `nextAttemptAt`, or gives it up when that is null. */
  markFailed(id: string, error: string, nextAttemptAt: string | null, at: string): Promise<void>;
  /** How many deliveries are still waiting to be sent. */
  pendingCount(): Promise<number>;
}
