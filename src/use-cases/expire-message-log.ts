import type { Incident } from '#domain/incident.ts';
import type { ExpireMessageLogDeps } from './deps.ts';

const DAY_MS = 86_400_000;

/**
 * The incident's RCA was committed: its channel's message log is kept `timeline.keepMessagesDays`
 * more days (counted from the latest commit), then trimmed with whatever else has expired.
 */
export async function expireMessageLog(deps: ExpireMessageLogDeps, incident: Incident): Promise<void> {
  if (!incident.channelId) return;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.timeline.keepMessagesDays * DAY_MS).toISOString();
  await deps.messages.expireChannel(incident.channelId, expiresAt);
  await deps.messages.trim(now.toISOString());
}
