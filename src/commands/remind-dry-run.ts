import { DirectorySource } from '#adapters/git/directory-source.ts';
import type { BotConfig } from '#config/bot-config.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { planReminderRun, type ReminderRunPlan } from '#use-cases/plan-reminder-run.ts';

/**
 * The reminders a run on `today` would send from the RCA files in a folder, with nothing sent and
 * nothing stored: `scribe remind --dry-run` and the demo. The scan runs on this thread, since nothing
 * here waits on the event loop.
 */
export function dryRunReminders(
  dir: string,
  config: Pick<BotConfig, 'rca' | 'reminders'>,
  today: string,
): Promise<ReminderRunPlan> {
  const source = new DirectorySource(dir);
  const index = new RcaIndex(scanInProcess(source), null, config.rca.dirs, config.rca.actionItemHeadings);
  return planReminderRun(index, { today, policy: config.reminders });
}
