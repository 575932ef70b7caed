import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { KyselyWebhookOutbox } from '#adapters/store/kysely-webhook-outbox.ts';
import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import type { Clock } from '#src/ports.ts';
import type { IncidentEvents } from '#src/ports/incident-events.ts';
import { type RetryPolicy, WebhookDeliverer } from './webhook-deliverer.ts';
import { createWebhookMetrics } from './webhook-metrics.ts';
import { WebhookPublisher } from './webhook-publisher.ts';
import type { WebhookTarget } from './webhook-target.ts';

/** How often the outbox is looked at for retries that came due and rows other replicas queued. */
const POLL_MS = 5000;

/**
 * The outgoing webhooks of one replica: events go to the outbox in the store, and a deliverer sends what
 * is due. It runs even with no webhook configured, so rows left from an earlier configuration are settled.
 */
export function startWebhooks(options: {
  store: KyselyIncidentStore;
  targets: WebhookTarget[];
  clock: Clock;
  log: Logger;
  registry: Registry;
  retry?: RetryPolicy;
}): { events: IncidentEvents | undefined; deliverer: WebhookDeliverer } {
  const outbox = new KyselyWebhookOutbox(options.store.db, options.store.kind);
  const deliverer = new WebhookDeliverer({
    outbox,
    targets: options.targets,
    clock: options.clock,
    log: options.log,
    owner: `replica-${randomUUID()}`,
    metrics: createWebhookMetrics(options.registry),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  deliverer.start(POLL_MS);
  const events =
    options.targets.length > 0 ? new WebhookPublisher(outbox, options.targets, () => deliverer.kick()) : undefined;
  return { events, deliverer };
}
