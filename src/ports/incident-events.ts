import type { WebhookEvent } from '#domain/webhook-event.ts';

/** Where the use cases announce what happened to an incident (outgoing webhooks listen here). */
export interface IncidentEvents {
  publish(event: WebhookEvent): Promise<void>;
}
