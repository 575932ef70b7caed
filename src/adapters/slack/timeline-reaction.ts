import type { MessageRef } from '#use-cases/timeline-from-messages.ts';

/**
 * What a `reaction_added` event says when it is the timeline emoji on a message: the message and who
 * reacted. Null for any other event, emoji or item (a file, a file comment).
 */
export function timelineReaction(
  event: Record<string, unknown>,
  emoji: string,
): { ref: MessageRef; reactorId: string } | null {
  if (event['type'] !== 'reaction_added' || event['reaction'] !== emoji) return null;
  const item = event['item'] as { type?: unknown; channel?: unknown; ts?: unknown } | undefined;
  const reactorId = event['user'];
  if (item?.type !== 'message' || typeof item.channel !== 'string' || typeof item.ts !== 'string') return null;
  if (typeof reactorId !== 'string') return null;
  return { ref: { channelId: item.channel, ts: item.ts }, reactorId };
}
