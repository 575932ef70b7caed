import type { Incident } from '#domain/incident.ts';
import { isResolved } from '#domain/incident.ts';
import type { Outcome, ReopenIncidentDeps } from './deps.ts';
import { fail, ok } from './deps.ts';
import { recordChange } from './record-change.ts';

/**
 * `/incident reopen`: a resolved incident goes back to the first status. The timeline keeps the
 * resolution and the reopening, so the RCA shows both; resolving again records a second resolution.
 * An RCA already drafted is redrafted, so its metrics follow (`time_to_first_resolve_minutes` keeps
 * the first resolution).
 */
export async function reopenIncident(
  deps: ReopenIncidentDeps,
  incident: Incident,
  by: string,
  key: string,
): Promise<Outcome<string>> {
  const statuses = deps.config.incident.statuses;
  if (!isResolved(incident, statuses)) {
    return fail(`This incident is ${incident.status}, not resolved: there is nothing to reopen.`);
  }
  const status = statuses[0]!;
  await deps.store.updateIncident(incident.id, { status, resolvedAt: null });
  await recordChange(deps, incident.id, `reopened:${key}`, 'reopened', { from: incident.status, to: status, byId: by });
  await deps.onIncidentChanged(incident.id);
  // The RCA follows at once: open again, its times to mitigate and resolve gone until it is resolved again.
  if (incident.rcaPath) await deps.onRcaRequested(incident.id, by);
  return ok(`Reopened; the status is ${status}. \`/incident resolve\` resolves it again.`);
}

/** How often the incident was reopened, so each resolution after a reopening is a timeline entry of its own. */
export async function reopenCount(deps: ReopenIncidentDeps, incidentId: string): Promise<number> {
  return (await deps.store.listTimeline(incidentId)).filter((e) => e.kind === 'reopened').length;
}
