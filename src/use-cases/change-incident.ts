import type { Incident } from '#domain/incident.ts';
import { isResolved } from '#domain/incident.ts';
import { refuseTransition } from '#domain/lifecycle.ts';
import { resolvedStatus } from '#domain/resolved-status.ts';
import type { ChangeIncidentDeps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';
import { describeNotInvited } from './describe-not-invited.ts';
import { recordChange } from './record-change.ts';

export type IncidentChange =
  | { kind: 'severity'; severity: string }
  | { kind: 'status'; status: string }
  | { kind: 'role'; role: string; userId: string }
  | { kind: 'services'; services: string[] };

type Apply = (
  deps: ChangeIncidentDeps,
  incident: Incident,
  change: never,
  by: string,
  key: string,
) => Promise<Outcome<string>>;

/** One handler per kind of change: store it, record it on the timeline, say what happened. */
const APPLY: {
  [K in IncidentChange['kind']]: (
    deps: ChangeIncidentDeps,
    incident: Incident,
    change: Extract<IncidentChange, { kind: K }>,
    by: string,
    key: string,
  ) => Promise<Outcome<string>>;
} = {
  async severity(deps, incident, { severity }, by, key) {
    if (incident.severity === severity) return ok(`Severity is already ${severity}.`);
    await deps.store.updateIncident(incident.id, { severity });
    await recordChange(deps, incident.id, key, 'severity', {
      from: incident.severity,
      to: severity,
      byId: by,
    });
    return ok(`Severity changed from ${incident.severity} to ${severity}.`);
  },
  async status(deps, incident, { status }, by, key) {
    if (incident.status === status) return ok(`Status is already ${status}.`);
    const statuses = deps.config.incident.statuses;
    if (status === resolvedStatus(statuses)) {
      return fail(`To resolve, use \`/incident resolve\`: it records the resolution and drafts the RCA.`);
    }
    const refusal = refuseTransition(incident.status, status, statuses, deps.config.incident.transitions);
    if (refusal) return fail(refusal);
    await deps.store.updateIncident(incident.id, { status });
    await recordChange(deps, incident.id, key, 'status', { from: incident.status, to: status, byId: by });
    return ok(`Status changed from ${incident.status} to ${status}.`);
  },
  async role(deps, incident, { role, userId }, by, key) {
    if (incident.roles[role] === userId) return ok(`<@${userId}> is already ${role}.`);
    await deps.store.updateIncident(incident.id, { roles: { ...incident.roles, [role]: userId } });
    await recordChange(deps, incident.id, key, 'role', { role, to: `<@${userId}>`, byId: by });
    const refused = incident.channelId ? await deps.chat.invite(incident.channelId, [userId]) : [];
    if (refused.length > 0)
      deps.log.warn({ incidentId: incident.id, refused }, 'the new role holder could not be invited');
    // The role stands; the person is told the holder is not in the channel, and why.
    const notInvited = describeNotInvited(refused);
    return ok(`<@${userId}> is now ${role}.${notInvited ? `\n${notInvited}` : ''}`);
  },
  async services(deps, incident, { services }, by, key) {
    await deps.store.updateIncident(incident.id, { services });
    await recordChange(deps, incident.id, key, 'services', { to: services.join(', '), byId: by });
    return ok(`Affected services: ${services.join(', ')}.`);
  },
};

/** Changes severity, status, a role or the services of an open incident, and records it. */
export async function changeIncident(
  deps: ChangeIncidentDeps,
  incident: Incident,
  change: IncidentChange,
  by: string,
  key: string,
): Promise<Outcome<string>> {
  if (isResolved(incident, deps.config.incident.statuses)) {
    return fail('This incident is resolved. Declare a new one with `/incident declare`.');
  }
  const outcome = await (APPLY[change.kind] as Apply)(deps, incident, change as never, by, key);
  if (outcome.ok) await deps.onIncidentChanged(incident.id);
  return outcome;
}
