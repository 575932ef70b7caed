import { isRestrictedKind, refuseNonMember, refuseOutsideGroup } from '#domain/change-permission.ts';
import type { IncidentCommand } from '#domain/incident-command.ts';
import type { Incident } from '#domain/incident.ts';
import type { Deps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';

/**
 * Who may change an incident: only people in its channel; `incident.restrictTo` narrows declare,
 * resolve and reopen to a user group. A failed outcome carries what to tell the person. Both checks
 * may page through Slack (Tier 2 and 4 methods), so a caller with a form opens it first.
 */
export async function authorizeChange(
  deps: Pick<Deps, 'chat' | 'config'>,
  userId: string,
  kind: IncidentCommand['kind'],
  incident: Incident | null,
): Promise<Outcome> {
  if (incident?.channelId && !(await deps.chat.isMember(incident.channelId, userId)))
    return fail(refuseNonMember(incident.channelId));
  const group = deps.config.incident.restrictTo;
  if (group !== '' && isRestrictedKind(kind) && !(await deps.chat.usergroupMembers(group)).includes(userId))
    return fail(refuseOutsideGroup(group, kind));
  return ok(undefined);
}
