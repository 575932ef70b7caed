import { messageKey, normalizeTs, tsToIso } from '#domain/timeline-entry.ts';
import type { Deps } from './deps.ts';

export interface MessageRef {
  channelId: string;
  ts: string;
}

/**
 * The reaction timeline. Adding is two steps so an acknowledged event is durable at once: `pinMessage`
 * writes the entry (keyed by channel and ts, at the message's own time) before anything slow;
 * `completeMessage` then fetches the text, author and permalink.
 */
export async function pinMessage(deps: Deps, incidentId: string, ref: MessageRef, reactorId: string): Promise<boolean> {
  const key = messageKey(ref.channelId, ref.ts);
  await deps.store.addReactor(key, reactorId);
  return deps.store.addTimelineEntry({
    incidentId,
    key,
    kind: 'message',
    at: tsToIso(ref.ts),
    sortKey: normalizeTs(ref.ts),
    authorId: null,
    authorName: null,
    text: '',
    permalink: null,
    pending: true,
  });
}

export async function completeMessage(
  deps: Deps,
  ref: MessageRef,
  known?: { text: string; userId: string | null },
): Promise<'done' | 'gone' | 'absent'> {
  const key = messageKey(ref.channelId, ref.ts);
  const entry = await deps.store.getTimelineEntry(key);
  if (!entry) return 'absent';
  // The text and the permalink are independent: ask Slack for both at once.
  const [message, permalink] = await Promise.all([
    known ?? deps.chat.fetchMessage(ref.channelId, ref.ts),
    entry.permalink ? Promise.resolve(entry.permalink) : deps.chat.permalink(ref.channelId, ref.ts),
  ]);
  if (!message) {
    await deps.store.removeTimelineEntry(key);
    await deps.store.clearReactors(key);
    return 'gone';
  }
  const authorName = message.userId ? await deps.chat.userName(message.userId) : null;
  await deps.store.updateTimelineEntry(key, {
    text: message.text,
    authorId: message.userId,
    authorName,
    permalink,
    pending: false,
  });
  await deps.chat.react(ref.channelId, ref.ts, deps.config.timeline.confirmEmoji);
  return 'done';
}

/** A reaction came off: the entry goes when no one's timeline reaction is left on the message. */
export async function unpinMessage(deps: Deps, ref: MessageRef, reactorId: string): Promise<boolean> {
  const key = messageKey(ref.channelId, ref.ts);
  const remaining = await deps.store.removeReactor(key, reactorId);
  if (remaining > 0) return false;
  const removed = await deps.store.removeTimelineEntry(key);
  if (removed) await deps.chat.unreact(ref.channelId, ref.ts, deps.config.timeline.confirmEmoji);
  return removed;
}

/** An edited message carries its new text to the timeline, if it is on it. */
export async function editMessage(deps: Deps, ref: MessageRef, text: string): Promise<boolean> {
  return deps.store.updateTimelineEntry(messageKey(ref.channelId, ref.ts), { text });
}

/** A deleted message leaves the timeline. */
export async function deleteMessage(deps: Deps, ref: MessageRef): Promise<boolean> {
  const key = messageKey(ref.channelId, ref.ts);
  await deps.store.clearReactors(key);
  return deps.store.removeTimelineEntry(key);
}
