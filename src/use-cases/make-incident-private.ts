import { CHANNEL_NAME_MAX, withSuffix } from '#domain/channel-name.ts';
import { type Incident, isPrivate } from '#domain/incident.ts';
import { cutAtHyphen } from '#domain/slugify.ts';
import { isoToSortKey } from '#domain/timeline-entry.ts';
import type { InviteRefusal } from '#src/ports.ts';
import type { Deps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';

/** What the old channel says once the incident has moved: where to ask, nothing about the incident. */
export const MOVED_POINTER =
  '🔒 This incident continues in a private channel. Everyone who was here has been invited; ask its lead to add anyone else.';

const NAME_ATTEMPTS = 9;

export interface MovedIncident {
  incident: Incident;
  oldChannelId: string;
  /** Members of the old channel Slack would not add to the new one. */
  notInvited: InviteRefusal[];
}

/**
 * `/incident private`: a bot cannot make a public channel private (only an Enterprise Grid admin API can),
 * so it creates a private channel, invites the old one's members, moves the incident there (channel,
 * summary, timeline, the RCA's next draft into `incident.private.rcaDir`) and leaves a pointer behind.
 */
export async function makeIncidentPrivate(
  deps: Deps,
  incident: Incident,
  by: string,
  key: string,
): Promise<Outcome<MovedIncident>> {
  if (isPrivate(incident)) return fail('This incident is already private.');
  const oldChannelId = incident.channelId;
  if (!oldChannelId) return fail('This incident has no channel to move.');
  const base = `${cutAtHyphen(incident.channelName ?? incident.id, CHANNEL_NAME_MAX - '-private'.length)}-private`;
  let channel: { id: string; name: string } | null = null;
  for (let attempt = 1; attempt <= NAME_ATTEMPTS && !channel; attempt += 1) {
    const result = await deps.chat.createChannel(attempt === 1 ? base : withSuffix(base, attempt), { isPrivate: true });
    if (result.ok) channel = result;
    else if (result.error === 'refused') return fail(`I could not create a private channel: ${result.reason}`);
    else if (result.error !== 'name_taken') break;
  }
  if (!channel) return fail(`I could not create a private channel (every name from #${base} on is taken).`);

  const members = await deps.chat.channelMembers(oldChannelId);
  const notInvited = await deps.chat.invite(channel.id, [by, ...members]);
  await deps.chat.setTopicAndPurpose(
    channel.id,
    `${incident.severity} · ${incident.status} · ${incident.title}`,
    `Private incident: ${incident.title}. /incident help`,
  );
  // The summary is posted and pinned afresh in the new channel; a committed public RCA stays where it
  // is, and the next draft starts a new file in the private folder.
  await deps.store.updateIncident(incident.id, {
    channelId: channel.id,
    channelName: channel.name,
    private: true,
    summaryTs: null,
    rcaPath: null,
  });
  const at = deps.clock.now().toISOString();
  await deps.store.addTimelineEntry({
    incidentId: incident.id,
    key: `private:${key}`,
    kind: 'note',
    at,
    sortKey: isoToSortKey(at),
    authorId: by,
    authorName: await deps.chat.userName(by),
    text: `Incident moved to a private channel by <@${by}>`,
    permalink: null,
    pending: false,
  });
  // The old pinned summary stops following the incident: it becomes the pointer too.
  const pointerBlocks = [{ type: 'section', text: { type: 'mrkdwn', text: MOVED_POINTER } }];
  if (incident.summaryTs)
    await deps.chat.update(oldChannelId, incident.summaryTs, { text: MOVED_POINTER, blocks: pointerBlocks });
  await deps.chat.post(oldChannelId, { text: MOVED_POINTER });
  await deps.onIncidentChanged?.(incident.id);
  const moved = (await deps.store.getIncident(incident.id)) ?? incident;
  return ok({ incident: moved, oldChannelId, notInvited });
}
