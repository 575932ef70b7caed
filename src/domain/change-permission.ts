import type { IncidentCommand } from './incident-command.ts';

/** The commands `incident.restrictTo` narrows to one user group: the ones that open or close an incident. */
export function isRestrictedKind(kind: IncidentCommand['kind']): boolean {
  return kind === 'declare' || kind === 'resolve' || kind === 'reopen';
}

/** What to tell someone outside the incident's channel who tried to change it. */
export function refuseNonMember(channelId: string): string {
  return `Only people in <#${channelId}> can change this incident. Join the channel first.`;
}

/** What to tell someone outside `incident.restrictTo` who tried to declare, resolve or reopen. */
export function refuseOutsideGroup(group: string, kind: IncidentCommand['kind']): string {
  return `Only members of <!subteam^${group}> can ${kind} incidents here. Ask one of them, or your Slack admin to add you.`;
}
