import { createHash } from 'node:crypto';
import { buildWebhookPayload, type WebhookEvent } from '#domain/webhook-event.ts';
import type { IncidentEvents } from '#src/ports/incident-events.ts';
import type { WebhookOutbox } from '#src/ports/webhook-outbox.ts';
import type { WebhookTarget } from './webhook-target.ts';

/**
 * Turns an incident event into one outbox row per webhook that subscribed to it. The row id comes from
 * the event's key and the URL, so the same event queued twice (a redelivered command) is sent once.
 */
export class WebhookPublisher implements IncidentEvents {
  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly targets: readonly WebhookTarget[],
    /** Called once rows are queued, so delivery starts without waiting for the next poll. */
    private readonly onQueued: () => void = () => undefined,
  ) {}

  async publish(event: WebhookEvent): Promise<void> {
    const payload = buildWebhookPayload(event);
    const rows = this.targets
      .filter((t) => t.events.includes(event.kind))
      .map((t) => {
        const id = createHash('sha256').update(`${event.key}\n${t.url}`).digest('hex').slice(0, 32);
        return { id, url: t.url, event: event.kind, body: JSON.stringify({ id, ...payload }), createdAt: event.at };
      });
    if (rows.length === 0) return;
    await this.outbox.enqueue(rows);
    this.onQueued();
  }
}
