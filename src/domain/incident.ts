import { resolvedStatus } from './resolved-status.ts';

/** An incident as the bot keeps it. Times are ISO-8601 instants in UTC. */
export interface Incident {
  id: string;
  title: string;
  severity: string;
  status: string;
  channelId: string | null;
  channelName: string | null;
  summaryTs: string | null;
  declaredBy: string;
  declaredAt: string;
  resolvedAt: string | null;
  roles: Record<string, string>;
  services: string[];
  summary: string;
  rootCause: string;
  impact: string;
  resolution: string;
  rcaPath: string | null;
  /** A private incident: a private channel, and nothing about it leaves that channel unless configured. */
  private?: boolean;
}

export interface ActionItemRecord {
  id: string;
  incidentId: string;
  priority: string | null;
  action: string;
  owner: string;
  due: string;
  done: boolean;
  createdAt: string;
}

export function isResolved(incident: Incident, statuses: readonly string[]): boolean {
  return incident.status === resolvedStatus(statuses);
}

export function leadOf(incident: Incident, roles: readonly string[]): string | null {
  return incident.roles[roles[0] ?? 'lead'] ?? null;
}

export function isPrivate(incident: Pick<Incident, 'private'>): boolean {
  return incident.private === true;
}
