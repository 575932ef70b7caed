import type { Incident } from './incident.ts';

/** What a webhook can subscribe to, in the order an incident usually goes through them. */
export const WEBHOOK_EVENTS = ['declared', 'status', 'severity', 'update', 'resolved', 'rca'] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENTS)[number];

/** What happened besides the incident's new state: a change's from/to, a note's text, the RCA's file. */
export interface WebhookEventDetail {
  from?: string;
  to?: string;
  by?: string;
  text?: string;
  rcaPath?: string;
  rcaUrl?: string | null;
}

export interface WebhookEvent {
  kind: WebhookEventKind;
  /** Unique per happening (the timeline key): a redelivered command never sends the same event twice. */
  key: string;
  at: string;
  incident: Incident;
  detail: WebhookEventDetail;
}

/** The JSON body a webhook receives (documented in the README under "Outgoing webhooks"). */
export function buildWebhookPayload(event: WebhookEvent): Record<string, unknown> {
  const { incident } = event;
  return {
    event: event.kind,
    occurredAt: event.at,
    incident: {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      channelId: incident.channelId,
      channelName: incident.channelName,
      declaredBy: incident.declaredBy,
      declaredAt: incident.declaredAt,
      resolvedAt: incident.resolvedAt,
      roles: incident.roles,
      services: incident.services,
      summary: incident.summary,
      rootCause: incident.rootCause,
      impact: incident.impact,
      resolution: incident.resolution,
      rcaPath: incident.rcaPath,
    },
    detail: event.detail,
  };
}
