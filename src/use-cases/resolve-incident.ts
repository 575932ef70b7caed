import type { Incident } from '#domain/incident.ts';
import { isResolved } from '#domain/incident.ts';
import { resolvedStatus } from '#domain/resolved-status.ts';
import type { Outcome, ResolveIncidentDeps } from './deps.ts';
import { fail, ok } from './deps.ts';
import { recordChange } from './record-change.ts';
import { reopenCount } from './reopen-incident.ts';

export interface Resolution {
  summary?: string;
  rootCause?: string;
  impact?: string;
  resolution?: string;
}

/** Records the resolution (status, time, what people wrote in the form) and asks for the RCA draft. */
export async function resolveIncident(
  deps: ResolveIncidentDeps,
  incident: Incident,
  by: string,
  key: string,
  details: Resolution = {},
): Promise<Outcome<Incident>> {
  const statuses = deps.config.incident.statuses;
  if (isResolved(incident, statuses))
    return fail('This incident is already resolved. `/incident rca` refreshes its RCA draft.');
  const resolved = resolvedStatus(statuses);
  const patch: Partial<Incident> = { status: resolved, resolvedAt: deps.clock.now().toISOString() };
  for (const field of ['summary', 'rootCause', 'impact', 'resolution'] as const) {
    const value = details[field]?.trim();
    if (value) patch[field] = value;
  }
  await deps.store.updateIncident(incident.id, patch);
  const reopened = await reopenCount(deps, incident.id);
  const entryKey = reopened === 0 ? key : `${key}:${reopened}`;
  await recordChange(deps, incident.id, entryKey, 'resolved', { to: resolved, byId: by });
  await deps.onIncidentChanged(incident.id);
  await deps.onRcaRequested(incident.id, by);
  return ok({ ...incident, ...patch });
}
