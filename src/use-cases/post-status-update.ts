import { broadcastChannels } from '#domain/broadcast-channels.ts';
import type { Incident } from '#domain/incident.ts';
import { isResolved } from '#domain/incident.ts';
import { isoToSortKey } from '#domain/timeline-entry.ts';
import { cadenceFor, expectsUpdates } from '#domain/update-cadence.ts';
import type { UpdatePublisher } from '#src/ports.ts';
import { changeIncident } from './change-incident.ts';
import type { Deps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';

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
  deps: Deps,
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
  const added = await deps.store.addTimelineEntry({
    incidentId: incident.id,
    key: `update:${key}`,
    kind: 'update',
    at,
    sortKey: isoToSortKey(at),
    authorId: by,
    authorName: null,
    text: `Status update: ${text.slice(0, 3000)}`,
    permalink: null,
    pending: false,
    detail: { to: nextAt ?? '' },
  });
  if (!added) return ok('This update was already posted.');
  // A private incident's updates stay in its channel.
  const broadcast = current.private ? [] : broadcastChannels(current.severity, config);
  await publisher.publish(current, { text, by, at, nextAt }, [
    ...(current.channelId ? [current.channelId] : []),
    ...broadcast.filter((c) => c !== current.channelId),
  ]);
  const where = broadcast.length > 0 ? ` and in ${broadcast.map((c) => `<#${c}>`).join(', ')}` : '';
  const next = nextAt ? ` Next update due at ${nextAt.slice(11, 16)} UTC.` : '';
  return ok(`Update posted here${where}.${next}`);
}
