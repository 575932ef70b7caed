import type { FillPermalinksDeps } from './deps.ts';

/**
 * Asks Slack for the permalinks the incident's message entries lack, all at once (the client paces
 * them), and keeps each in its entry: a pin never waits for one, the RCA draft does, once. A link
 * Slack cannot give stays out; the draft goes on without it.
 */
export async function fillPermalinks(deps: FillPermalinksDeps, incidentId: string): Promise<number> {
  const missing = (await deps.store.listTimeline(incidentId)).filter((e) => e.kind === 'message' && !e.permalink);
  const found = await Promise.all(
    missing.map(async (entry) => {
      const [, channelId, ts] = entry.key.split(':');
      if (!channelId || !ts) return false;
      const permalink = await deps.chat.permalink(channelId, ts).catch((error: unknown) => {
        deps.log.warn({ err: error, key: entry.key }, 'no permalink for a timeline entry');
        return null;
      });
      return permalink !== null && (await deps.store.updateTimelineEntry(entry.key, { permalink }));
    }),
  );
  return found.filter(Boolean).length;
}
