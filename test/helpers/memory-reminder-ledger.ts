import type { ReminderLedger } from '#src/ports.ts';

/**
 * `ReminderLedger` in memory, as `KyselyIncidentStore` keeps it: a stage of an item is claimed by exactly
 * one caller, stays unsent until marked sent (the first mark wins), and a released claim can be taken
 * again; a snooze per item, the later one replacing it.
 */
export class MemoryReminderLedger implements ReminderLedger {
  /** `item key` → stage → when it was claimed and when delivered. */
  readonly claims = new Map<string, Map<string, { claimedAt: string; deliveredAt: string | null }>>();
  readonly snoozes = new Map<string, string>();

  async claimReminder(itemKey: string, stage: string, at: string): Promise<boolean> {
    const stages = this.claims.get(itemKey) ?? new Map();
    if (stages.has(stage)) return false;
    stages.set(stage, { claimedAt: at, deliveredAt: null });
    this.claims.set(itemKey, stages);
    return true;
  }

  async markReminderSent(itemKey: string, stage: string, at: string): Promise<void> {
    const claim = this.claims.get(itemKey)?.get(stage);
    if (claim && claim.deliveredAt === null) claim.deliveredAt = at;
  }

  async isReminderUnsent(itemKey: string, stage: string): Promise<boolean> {
    const claim = this.claims.get(itemKey)?.get(stage);
    return claim !== undefined && claim.deliveredAt === null;
  }

  async releaseReminder(itemKey: string, stage: string): Promise<void> {
    this.claims.get(itemKey)?.delete(stage);
  }

  async setSnooze(itemKey: string, untilDay: string): Promise<void> {
    this.snoozes.set(itemKey, untilDay);
  }

  async listSnoozes(): Promise<Map<string, string>> {
    return new Map(this.snoozes);
  }
}
