import type { WebhookEventDetail, WebhookEventKind } from '#domain/webhook-event.ts';
import type { PublishIncidentEventDeps } from './deps.ts';

/**
 * Tells the outgoing webhooks what just happened, with the incident as it now is. A failure here is
 * logged, never thrown: the change itself has been made and the person is told so.
 */
export async function publishIncidentEvent(
  deps: PublishIncidentEventDeps,
  kind: WebhookEventKind,
  incidentId: string,
  key: string,
  detail: WebhookEventDetail = {},
): Promise<void> {
  if (!deps.events) return;
  try {
    const incident = await deps.store.getIncident(incidentId);
    // Nothing about a private incident leaves its channel, webhooks included.
    if (!incident || incident.private) return;
    await deps.events.publish({ kind, key, at: deps.clock.now().toISOString(), incident, detail });
  } catch (error) {
    deps.log.error({ err: error, incidentId, kind }, 'could not queue the webhook event');
  }
}
