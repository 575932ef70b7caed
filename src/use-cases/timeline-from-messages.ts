import { messageKey, normalizeTs, tsToIso } from '#domain/timeline-entry.ts';
import type { ArrivingEvent, IncidentRecords, LogPin, LogPinResult } from '#src/ports.ts';
import type { TimelineFromMessagesDeps } from './deps.ts';

export interface MessageRef {
  channelId: string;
  ts: string;
}

/**
 * A pushpin puts a message on the timeline. With a message log the entry is written complete (text,
 * author, the cached name) in the same step as the reactor, and Slack is asked for nothing; without
 * one, or for a message the log does not hold (posted before the bot joined, lost to an outage), the
 * entry is written pending and `completeMessage` fetches it. The permalink waits for the RCA draft.
 */
export async function pinFromLog(
  deps: TimelineFromMessagesDeps,
  incidentId: string,
  ref: MessageRef,
  reactorId: string,
): Promise<'added' | 'known' | 'unlogged'> {
  const pinned = await deps.messages.pin(logPin(incidentId, ref, reactorId), deps.clock.now().toISOString());
  if (!pinned.added) return 'known';
  if (!pinned.complete) return 'unlogged';
  await confirmPin(deps, ref, pinned);
  return 'added';
}

/**
 * A pushpin as it arrives, before its ack: in an incident's channel its event and its entry are written
 * in one step (complete from the log, as `pinFromLog` writes it), so the entry is there when Slack is
 * acked. What is left runs in `after`: the author's name and the confirmation, or, for a message the
 * log does not hold, Slack's copy (`completeMessage`). Null for a channel that is no incident's: the
 * usual path takes it.
 */
export async function pinOnArrival(
  deps: TimelineFromMessagesDeps & { store: Pick<IncidentRecords, 'incidentIdForChannel'> },
  ref: MessageRef,
  reactorId: string,
  record: () => ArrivingEvent,
): Promise<{ isNew: boolean; after(): Promise<void> } | null> {
  const incidentId = await deps.store.incidentIdForChannel(ref.channelId);
  if (!incidentId) return null;
  const { isNew, pinned } = await deps.messages.pinEvent(
    record(),
    logPin(incidentId, ref, reactorId),
    deps.clock.now().toISOString(),
  );
  return {
    isNew,
    async after() {
      if (pinned.complete) await confirmPin(deps, ref, pinned);
      else if (pinned.added || (await stillPending(deps, ref))) await completeMessage(deps, ref);
    },
  };
}

function logPin(incidentId: string, ref: MessageRef, reactorId: string): LogPin {
  return {
    incidentId,
    key: messageKey(ref.channelId, ref.ts),
    at: tsToIso(ref.ts),
    sortKey: normalizeTs(ref.ts),
    channelId: ref.channelId,
    ts: ref.ts,
    reactorId,
  };
}

/**
 * Whether a message already on the timeline still waits for Slack's copy: its fetch never ran (a crash
 * between the pin and it) or failed. Another pin of it, or the replay of the first, fetches it then.
 */
export async function stillPending(deps: TimelineFromMessagesDeps, ref: MessageRef): Promise<boolean> {
  return (await deps.store.getTimelineEntry(messageKey(ref.channelId, ref.ts)))?.pending === true;
}

/** A complete pin's last steps: the author's name when the cache had none, then the confirmation. */
async function confirmPin(deps: TimelineFromMessagesDeps, ref: MessageRef, pinned: LogPinResult): Promise<void> {
  if (pinned.authorId && pinned.authorName === null) {
    const authorName = await deps.chat.userName(pinned.authorId);
    if (authorName !== null) await deps.store.updateTimelineEntry(messageKey(ref.channelId, ref.ts), { authorName });
  }
  await deps.chat.react(ref.channelId, ref.ts, deps.config.timeline.confirmEmoji);
}

/** Writes the entry pending (keyed by channel and ts, at the message's own time) before anything slow. */
export async function pinMessage(
  deps: TimelineFromMessagesDeps,
  incidentId: string,
  ref: MessageRef,
  reactorId: string,
): Promise<boolean> {
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

/** Completes a pending entry from what Slack says of the message (or from `known`, a shortcut's payload). */
export async function completeMessage(
  deps: TimelineFromMessagesDeps,
  ref: MessageRef,
  known?: { text: string; userId: string | null },
): Promise<'done' | 'gone' | 'absent'> {
  const key = messageKey(ref.channelId, ref.ts);
  const entry = await deps.store.getTimelineEntry(key);
  if (!entry) return 'absent';
  const message = known ?? (await deps.chat.fetchMessage(ref.channelId, ref.ts));
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
    pending: false,
  });
  await deps.chat.react(ref.channelId, ref.ts, deps.config.timeline.confirmEmoji);
  return 'done';
}

/** A reaction came off: the entry goes when no one's timeline reaction is left on the message. */
export async function unpinMessage(
  deps: TimelineFromMessagesDeps,
  ref: MessageRef,
  reactorId: string,
): Promise<boolean> {
  const key = messageKey(ref.channelId, ref.ts);
  const remaining = await deps.store.removeReactor(key, reactorId);
  if (remaining > 0) return false;
  const removed = await deps.store.removeTimelineEntry(key);
  if (removed) await deps.chat.unreact(ref.channelId, ref.ts, deps.config.timeline.confirmEmoji);
  return removed;
}

/** An edited message carries its new text to the timeline, if it is on it. */
export async function editMessage(deps: TimelineFromMessagesDeps, ref: MessageRef, text: string): Promise<boolean> {
  return deps.store.updateTimelineEntry(messageKey(ref.channelId, ref.ts), { text });
}

/** A deleted message leaves the timeline. */
export async function deleteMessage(deps: TimelineFromMessagesDeps, ref: MessageRef): Promise<boolean> {
  const key = messageKey(ref.channelId, ref.ts);
  await deps.store.clearReactors(key);
  return deps.store.removeTimelineEntry(key);
}
