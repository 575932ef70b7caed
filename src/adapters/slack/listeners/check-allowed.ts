import type { IncidentCommand } from '#domain/incident-command.ts';
import type { Incident } from '#domain/incident.ts';
import type { Deps } from '#use-cases/deps.ts';

/**
 * Only people in the incident's channel may change it; `incident.restrictTo` narrows declare,
 * resolve and reopen to a user group. Null when allowed, otherwise what to tell the person. Both checks may page
 * through Slack (Tier 2 and 4 methods), so a form is opened before them.
 */
export async function checkAllowed(
  deps: Deps,
  userId: string,
  kind: IncidentCommand['kind'],
  incident: Incident | null,
): Promise<string | null> {
  if (incident?.channelId && !(await deps.chat.isMember(incident.channelId, userId))) {
    return `Only people in <#${incident.channelId}> can change this incident. Join the channel first.`;
  }
  const group = deps.config.incident.restrictTo;
  if (
    group !== '' &&
    (kind === 'declare' || kind === 'resolve' || kind === 'reopen') &&
    !(await deps.chat.usergroupMembers(group)).includes(userId)
  ) {
    return `Only members of <!subteam^${group}> can ${kind} incidents here. Ask one of them, or your Slack admin to add you.`;
  }
  return null;
}
