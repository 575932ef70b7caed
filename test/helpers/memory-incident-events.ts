import type { WebhookEvent } from '#domain/webhook-event.ts';
import type { IncidentEvents } from '#src/ports/incident-events.ts';

/** `IncidentEvents` in memory: every event published, in order. `failWith` makes publishing throw. */
export class MemoryIncidentEvents implements IncidentEvents {
  readonly published: WebhookEvent[] = [];
  failWith: Error | null = null;

  async publish(event: WebhookEvent): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.published.push(structuredClone(event));
  }

  kinds(): string[] {
    return this.published.map((e) => e.kind);
  }
}
