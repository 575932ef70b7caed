import type { Incident } from '#domain/incident.ts';
import { messageKey, normalizeTs, tsToIso } from '#domain/timeline-entry.ts';
import type { AddPinnedThreadsDeps } from './deps.ts';

/**
 * `/incident rca threads`: the replies of every thread whose parent is on the timeline go on it too,
 * complete from the message log (pinned for the person who asked). Threads nobody pinned, and the
 * rest of the channel, stay out. Says how many replies were added.
 */
export async function addPinnedThreads(
  deps: AddPinnedThreadsDeps,
  incident: Incident,
  requestedBy: string,
): Promise<number> {
  const messages = deps.messages;
  const now = deps.clock.now().toISOString();
  let added = 0;
  for (const entry of await deps.store.listTimeline(incident.id)) {
    if (entry.kind !== 'message') continue;
    const [, channelId, ts] = entry.key.split(':');
    if (!channelId || !ts) continue;
    for (const reply of await messages.threadReplies(channelId, ts)) {
      const pinned = await messages.pin(
        {
          incidentId: incident.id,
          key: messageKey(channelId, reply.ts),
          at: tsToIso(reply.ts),
          sortKey: normalizeTs(reply.ts),
          channelId,
          ts: reply.ts,
          reactorId: requestedBy,
        },
        now,
      );
      if (pinned.added) added += 1;
      if (pinned.added && pinned.authorId && pinned.authorName === null) {
        const authorName = await deps.chat.userName(pinned.authorId);
        if (authorName !== null) await deps.store.updateTimelineEntry(messageKey(channelId, reply.ts), { authorName });
      }
    }
  }
  return added;
}
