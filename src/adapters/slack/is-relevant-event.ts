import type { BotConfig } from '#config/bot-config.ts';

/**
 * Whether an Events API event is one the bot acts on. Everything else (plain new messages, other emoji,
 * the bot's own reactions) is acked and dropped before it costs a write.
 */
export function isRelevantEvent(event: Record<string, unknown>, config: BotConfig, botUserId: string | null): boolean {
  switch (event['type']) {
    case 'reaction_added':
    case 'reaction_removed':
      return event['reaction'] === config.timeline.emoji && event['user'] !== botUserId;
    case 'message':
      return event['subtype'] === 'message_changed' || event['subtype'] === 'message_deleted';
    case 'app_home_opened':
      return true;
    default:
      return false;
  }
}
