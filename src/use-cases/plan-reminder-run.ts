import type { ReminderPlan } from '#domain/plan-reminders.ts';
import { dayBefore, type StagePolicy } from '#domain/reminder-policy.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';

export interface ReminderRunPlan {
  /** RCA files the index holds. */
  files: number;
  /** Files read again by this refresh (the rest came from the cache). */
  parsed: number;
  lastRun: string;
  plan: ReminderPlan;
}

/**
 * What a reminder run on `today` sends: the index refreshed, then the plan. The scheduled job, `scribe
 * remind --dry-run` and the demo all plan through here. With no `lastRun` the run looks back one day;
 * snoozes are read after the refresh, so one set while the files were being read still counts.
 */
export async function planReminderRun(
  index: Pick<ActionItemIndex, 'refresh' | 'plan'>,
  run: {
    today: string;
    lastRun?: string;
    policy: StagePolicy;
    snoozes?: () => Promise<Map<string, string>>;
  },
): Promise<ReminderRunPlan> {
  const lastRun = run.lastRun ?? dayBefore(run.today);
  const { files, parsed } = await index.refresh();
  const snoozes = run.snoozes ? await run.snoozes() : new Map<string, string>();
  const plan = await index.plan({ today: run.today, lastRun, policy: run.policy, snoozes });
  return { files, parsed, lastRun, plan };
}
