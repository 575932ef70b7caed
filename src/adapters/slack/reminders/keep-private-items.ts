import type { BotConfig } from '#config/bot-config.ts';
import { isPrivateRcaPath } from '#domain/private-incident.ts';
import type { ReminderNotifier } from '#use-cases/remind-action-items.ts';
import type { DigestGroups } from '#use-cases/send-digest.ts';

type Notifier = ReminderNotifier & {
  digest(channel: string, team: string, groups: DigestGroups, today: string): Promise<void>;
};

/**
 * The reminder messages, with a private incident's action items (RCAs in `incident.private.rcaDir`,
 * or anywhere in `incident.private.repo`) kept to direct messages: never in a channel an owner maps to, the needs-attention message of
 * `reminders.fallbackChannel`, or a digest. What is held back is logged by file line, never by text.
 */
export function keepPrivateItems(
  notifier: Notifier,
  config: BotConfig,
  log: { info(detail: object, message: string): void },
): Notifier {
  const isPrivateFile = (file: string) => isPrivateRcaPath(file, config.incident.private.rcaDir);
  const held = (where: string, items: { file: string; line: number }[]) => {
    if (items.length > 0)
      log.info({ where, count: items.length }, "a private incident's action items are kept out of a channel");
  };
  return {
    async remind(target, owner, items, today) {
      if (target.kind === 'user') return notifier.remind(target, owner, items, today);
      held(
        'owner channel',
        items.filter((i) => isPrivateFile(i.file)),
      );
      const shown = items.filter((i) => !isPrivateFile(i.file));
      if (shown.length > 0) await notifier.remind(target, owner, shown, today);
    },
    async needsAttention(channel, items) {
      held(
        'fallback channel',
        items.filter((i) => isPrivateFile(i.file)),
      );
      const shown = items.filter((i) => !isPrivateFile(i.file));
      if (shown.length > 0) await notifier.needsAttention(channel, shown);
    },
    digest: (channel, team, groups, today) => {
      const keep = (list: DigestGroups['open']) => list.filter((i) => !isPrivateFile(i.file));
      const shown = { overdue: keep(groups.overdue), soon: keep(groups.soon), open: keep(groups.open) };
      return notifier.digest(channel, team, shown, today);
    },
  };
}
