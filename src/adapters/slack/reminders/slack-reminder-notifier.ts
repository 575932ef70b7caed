import type { BotConfig } from '#config/bot-config.ts';
import type { AttentionItem, PlannedItem } from '#domain/plan-reminders.ts';
import type { Chat, OwnerTarget } from '#src/ports.ts';
import type { ReminderNotifier } from '#use-cases/remind-action-items.ts';
import type { DigestGroups } from '#use-cases/send-digest.ts';
import { buildDigest, buildNeedsAttention, buildReminderMessage, fileLink } from './reminder-blocks.ts';

export class SlackReminderNotifier implements ReminderNotifier {
  constructor(
    private readonly chat: Chat,
    private readonly config: BotConfig,
    private readonly onSent: (count: number) => void = () => undefined,
  ) {}

  private link = (path: string) => fileLink(path, this.config.rca.webUrl, this.config.rca.branch);

  async remind(target: OwnerTarget, owner: string, items: PlannedItem[], today: string): Promise<void> {
    await this.chat.post(target.id, buildReminderMessage(owner, items, today, this.link));
    this.onSent(items.length);
  }

  async needsAttention(channel: string, items: AttentionItem[]): Promise<void> {
    await this.chat.post(channel, buildNeedsAttention(items, this.link));
  }

  digest = async (channel: string, team: string, groups: DigestGroups, today: string): Promise<void> => {
    await this.chat.post(channel, buildDigest(team, groups, today, this.link));
  };
}
