import type { Incident } from '#domain/incident.ts';
import { incidentTimes } from '#domain/incident-metrics.ts';
import type { AcknowledgeIncidentDeps, Outcome } from './deps.ts';
import { ok } from './deps.ts';
import { recordChange } from './record-change.ts';

/**
 * `/incident ack`: records that someone is on it. An incident someone other than the declarer already
 * acted on is acknowledged from that moment; the command then only says so.
 */
export async function acknowledgeIncident(
  deps: AcknowledgeIncidentDeps,
  incident: Incident,
  by: string,
): Promise<Outcome<string>> {
  const entries = await deps.store.listTimeline(incident.id);
  const already = incidentTimes(incident, entries, deps.config.incident.statuses).acknowledged;
  if (already) return ok(`Already acknowledged at ${already.slice(11, 16)} UTC.`);
  await recordChange(deps, incident.id, `acknowledged:${incident.id}`, 'acknowledged', { to: by, byId: by });
  await deps.onIncidentChanged(incident.id);
  return ok('Acknowledged: the time to acknowledge is measured to now.');
}
