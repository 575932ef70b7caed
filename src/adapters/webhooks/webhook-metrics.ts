import { Counter, Gauge, type Registry } from 'prom-client';

/** The webhook delivery log in /metrics: every attempt counted by event and outcome, the last answer per host. */
export function createWebhookMetrics(registry: Registry) {
  return {
    deliveries: new Counter({
      name: 'scribe_webhook_deliveries_total',
      help: 'Webhook delivery attempts, by event and outcome (delivered, retrying, failed)',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    }),
    lastStatus: new Gauge({
      name: 'scribe_webhook_last_status',
      help: 'HTTP status of the last delivery attempt to each webhook host (0: no answer)',
      labelNames: ['host'],
      registers: [registry],
    }),
    pending: new Gauge({
      name: 'scribe_webhook_outbox_pending',
      help: 'Webhook deliveries waiting in the outbox',
      registers: [registry],
    }),
  };
}
export type WebhookMetrics = ReturnType<typeof createWebhookMetrics>;
