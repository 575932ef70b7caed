import { type Incident, isPrivate } from '#domain/incident.ts';
import type { Chat } from '#src/ports.ts';

/**
 * The incidents a person may see listed (`/incident list`, the App Home tab): every public one, and the
 * private ones whose channel they are in. A membership Slack cannot confirm hides the incident. One with
 * no channel is never listed: Slack refused its channel, so it was never declared (older versions
 * stored such incidents before asking Slack).
 */
export async function visibleIncidents(chat: Chat, incidents: Incident[], userId: string): Promise<Incident[]> {
  const shown: Incident[] = [];
  for (const incident of incidents) {
    if (!incident.channelId) continue;
    if (!isPrivate(incident)) shown.push(incident);
    else if (await chat.isMember(incident.channelId, userId).catch(() => false)) shown.push(incident);
  }
  return shown;
}
