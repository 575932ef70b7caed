import { calendarDay } from '#domain/calendar-day.ts';
import { digestGroup } from '#domain/reminder-policy.ts';
import type { SendDigestDeps } from './deps.ts';
import type { ReminderFiles } from './plan-reminder-run.ts';

export interface DigestItem {
  file: string;
  title: string;
  action: string;
  due: string | null;
}

export type DigestGroups = Record<'overdue' | 'soon' | 'open', DigestItem[]>;

/** The weekly digest per team (reminders.digestChannels): its open, due-soon and overdue items. */
export async function sendDigest(
  deps: SendDigestDeps,
  index: ReminderFiles,
  post: (channel: string, team: string, groups: DigestGroups, today: string) => Promise<void>,
): Promise<number> {
  const teams = Object.entries(deps.config.reminders.digestChannels);
  if (teams.length === 0) return 0;
  const today = calendarDay(deps.clock.now(), deps.config.reminders.timeZone);
  const { files } = await index.refresh();
  let posted = 0;
  for (const [team, channel] of teams) {
    const groups: DigestGroups = { overdue: [], soon: [], open: [] };
    for (const file of files) {
      for (const item of file.items) {
        if (item.done || item.owner?.trim().toLowerCase() !== team.toLowerCase()) continue;
        const entry = { file: file.path, title: file.title ?? file.path, action: item.action, due: item.due };
        groups[item.due ? digestGroup(item.due, today) : 'open'].push(entry);
      }
    }
    await deps.store.tryWithLock(`digest:${team}:${today}`, async () => {
      const key = `digest:${team}`;
      const now = deps.clock.now().toISOString();
      const ours = (await deps.store.claimReminder(key, today, now)) || (await deps.store.isReminderUnsent(key, today));
      if (!ours) return;
      await post(channel, team, groups, today);
      await deps.store.markReminderSent(key, today, now);
      posted += 1;
    });
  }
  return posted;
}
