import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, one registry per bot (so tests can run several bots in a process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    events: new Counter({
      name: 'scribe_events_total',
      help: 'Slack deliveries handled, by type',
      labelNames: ['type'],
      registers: [registry],
    }),
    duplicates: new Counter({
      name: 'scribe_duplicate_events_total',
      help: 'Redeliveries dropped by event or trigger id',
      labelNames: ['type'],
      registers: [registry],
    }),
    ackSeconds: new Histogram({
      name: 'scribe_event_ack_seconds',
      help: 'From a delivery arriving to its ack',
      labelNames: ['type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 3],
      registers: [registry],
    }),
    timelineEntries: new Counter({
      name: 'scribe_timeline_entries_total',
      help: 'Timeline entries added',
      registers: [registry],
    }),
    commits: new Counter({
      name: 'scribe_rca_commits_total',
      help: 'RCA commits made',
      registers: [registry],
    }),
    pushesPending: new Gauge({
      name: 'scribe_rca_pushes_pending',
      help: 'RCA commits not yet pushed',
      registers: [registry],
    }),
    remindersSent: new Counter({
      name: 'scribe_reminders_sent_total',
      help: 'Reminder stages sent',
      registers: [registry],
    }),
    statements: new Counter({
      name: 'scribe_store_statements_total',
      help: 'SQL statements sent to the store, by pool (inbox or main); on PostgreSQL each is a round trip',
      labelNames: ['pool'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'scribe_errors_total',
      help: 'Errors, by where they happened',
      labelNames: ['where'],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
