import type { AttentionItem, PlannedItem } from '#domain/plan-reminders.ts';
import type { OwnerTarget } from '#src/ports.ts';
import type { ReminderNotifier } from '#use-cases/remind-action-items.ts';

/** `ReminderNotifier` in memory: each reminder and needs-attention message, in order; `failWith` makes sending throw. */
export class MemoryReminderNotifier implements ReminderNotifier {
  readonly reminders: { target: OwnerTarget; owner: string; actions: string[]; today: string }[] = [];
  readonly attention: { channel: string; items: AttentionItem[] }[] = [];
  failWith: Error | null = null;

  async remind(target: OwnerTarget, owner: string, items: PlannedItem[], today: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.reminders.push({ target, owner, actions: items.map((i) => i.action), today });
  }

  async needsAttention(channel: string, items: AttentionItem[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.attention.push({ channel, items });
  }
}
