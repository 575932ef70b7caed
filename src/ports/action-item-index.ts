import type { DigestGroups } from '#domain/digest-groups.ts';
import type { ItemOwner, OwnedItem } from '#domain/owned-items.ts';
import type { ReminderPlan } from '#domain/plan-reminders.ts';
import type { StagePolicy } from '#domain/reminder-policy.ts';

/** What a reminder run plans with, besides the files. */
export interface PlanRequest {
  today: string;
  lastRun: string;
  policy: StagePolicy;
  snoozes: ReadonlyMap<string, string>;
}

/**
 * The RCA files' action items, asked only for the answers each reader needs: the bot keeps the files
 * on a worker thread and only these answers cross to the thread that acks Slack. Each query answers
 * over the files as the last `refresh` left them.
 */
export interface ActionItemIndex {
  /** Reads the files whose blob changed; `files` held now, `parsed` of them read again. */
  refresh(): Promise<{ files: number; parsed: number }>;
  /** What a reminder run sends (`planReminders`). */
  plan(request: PlanRequest): Promise<ReminderPlan>;
  /** A team's weekly digest (`digestGroups`). */
  digest(team: string, today: string): Promise<DigestGroups>;
  /** A person's open items, for App Home (`ownedItems`); `owners` is reminders.owners. */
  ownedBy(me: ItemOwner, owners: Record<string, string>): Promise<OwnedItem[]>;
}
