import type { Incident } from '#domain/incident.ts';
import type { TestBed } from './build-deps.ts';
import { buildIncident } from './build-incident.ts';

/**
 * An incident as the bed holds it after a declare: stored, with its channel in Slack and the people in
 * `members` (UANA, its declarer and lead, unless told otherwise) in that channel.
 */
export async function buildOpenIncident(
  bed: TestBed,
  overrides: Partial<Incident> = {},
  members: string[] = ['UANA'],
): Promise<Incident> {
  const incident = buildIncident(overrides);
  await bed.store.createIncident(incident);
  if (incident.channelId) bed.chat.addChannel(incident.channelId, incident.channelName ?? incident.channelId, members);
  return incident;
}
