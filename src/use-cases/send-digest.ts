import { calendarDay } from '#domain/calendar-day.ts';
import type { DigestGroups } from '#domain/digest-groups.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';
import type { SendDigestDeps } from './deps.ts';

export type { DigestGroups, DigestItem } from '#domain/digest-groups.ts';

/** The weekly digest per team (reminders.digestChannels): its open, due-soon and overdue items. */
export async function sendDigest(
  deps: SendDigestDeps,
  index: Pick<ActionItemIndex, 'refresh' | 'digest'>,
  post: (channel: string, team: string, groups: DigestGroups, today: string) => Promise<void>,
): Promise<number> {
  const teams = Object.entries(deps.config.reminders.digestChannels);
  if (teams.length === 0) return 0;
  const today = calendarDay(deps.clock.now(), deps.config.reminders.timeZone);
  await index.refresh();
  let posted = 0;
  for (const [team, channel] of teams) {
    const groups = await index.digest(team, today);
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
