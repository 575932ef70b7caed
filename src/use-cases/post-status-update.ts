import { broadcastChannels } from '#domain/broadcast-channels.ts';
import type { Incident } from '#domain/incident.ts';
import { isResolved } from '#domain/incident.ts';
import { renderChannel } from '#domain/render-channel.ts';
import { cadenceFor, expectsUpdates } from '#domain/update-cadence.ts';
import type { PendingUpdate } from '#src/ports/update-outbox.ts';
import type { UpdatePublisher } from '#src/ports.ts';
import { changeIncident } from './change-incident.ts';
import type { Outcome, PostStatusUpdateDeps } from './deps.ts';
import { fail, ok } from './deps.ts';
import { describeNotPosted } from './describe-not-posted.ts';
import { statusUpdateEntry } from './status-update-entry.ts';

export interface UpdateInput {
  text: string;
  /** A new status to go with the update; null keeps the current one. */
  status: string | null;
  /** Minutes to the next update; null: the severity's cadence (`incident.updateEvery`). */
  nextInMinutes: number | null;
}

/**
 * `/incident update …`: a timeline entry of its own kind, then the formatted update in the incident
 * channel and each broadcast channel. Once per request key, so a redelivered form posts it once.
 */
export async function postStatusUpdate(
  deps: PostStatusUpdateDeps,
  publisher: UpdatePublisher,
  incident: Incident,
  input: UpdateInput,
  by: string,
  key: string,
): Promise<Outcome<string>> {
  const text = input.text.trim();
  if (text === '') return fail('Write the update, like `/incident update Rolled back; error rate back to normal`.');
  let current = incident;
  if (input.status !== null && input.status !== incident.status) {
    const changed = await changeIncident(deps, incident, { kind: 'status', status: input.status }, by, `status:${key}`);
    if (!changed.ok) return changed;
    current = (await deps.store.getIncident(incident.id)) ?? incident;
  } else if (isResolved(incident, deps.config.incident.statuses)) {
    return fail('This incident is resolved. `/incident reopen` reopens it.');
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const config = deps.config.incident;
  const every =
    input.nextInMinutes ??
    (expectsUpdates(current.status, config.statuses) ? cadenceFor(current.severity, config.updateEvery) : null);
  const nextAt = every === null ? null : new Date(now.getTime() + every * 60_000).toISOString();
  // A private incident's updates stay in its channel.
  const broadcast = current.private ? [] : broadcastChannels(current.severity, config);
  const pending: PendingUpdate = {
    key,
    incidentId: incident.id,
    update: { text, by, at, nextAt },
    channels: [...(current.channelId ? [current.channelId] : []), ...broadcast.filter((c) => c !== current.channelId)],
  };
  // Written before the entry and the posts, marked once posted: an update the process stopped in the
  // middle of is posted after the restart (`replayStatusUpdates`), not lost.
  await publisher.outbox.add(pending, at);
  const added = await deps.store.addTimelineEntry(statusUpdateEntry(pending));
  if (!added) return ok('This update was already posted.');
  const refused = await publisher.publish(current, pending.update, pending.channels);
  await publisher.outbox.sent(key, deps.clock.now().toISOString());
  // Only the channels that have it are named; each one Slack refused says why and what to do.
  const reached = broadcast.filter((c) => c !== current.channelId && !refused.some((r) => r.channel === c));
  const where = reached.length > 0 ? ` and in ${reached.map(renderChannel).join(', ')}` : '';
  const next = nextAt ? ` Next update due at ${nextAt.slice(11, 16)} UTC.` : '';
  const notPosted = describeNotPosted(refused);
  return ok(`Update posted here${where}.${next}${notPosted ? `\n${notPosted}` : ''}`);
}
