import type { PendingUpdate, UpdateOutbox } from '#src/ports/update-outbox.ts';

/** `UpdateOutbox` in memory: each update with when it was last claimed and whether it was posted. */
export class MemoryUpdateOutbox implements UpdateOutbox {
  readonly rows = new Map<string, { pending: PendingUpdate; claimedAt: string; sentAt: string | null }>();

  async add(pending: PendingUpdate, at: string): Promise<void> {
    if (!this.rows.has(pending.key)) this.rows.set(pending.key, { pending, claimedAt: at, sentAt: null });
  }

  async sent(key: string, at: string): Promise<void> {
    const row = this.rows.get(key);
    if (row) row.sentAt = at;
  }

  async claimStale(before: string, at: string): Promise<PendingUpdate[]> {
    const stale = [...this.rows.values()].filter((row) => row.sentAt === null && row.claimedAt < before);
    for (const row of stale) row.claimedAt = at;
    return stale.map((row) => row.pending);
  }
}
