import type { Server } from 'node:http';
import type { Logger } from '#adapters/log/create-logger.ts';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import type { DurableEvents } from '#adapters/slack/durable-events.ts';
import type { WebhookDeliverer } from '#adapters/webhooks/webhook-deliverer.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import type { Clock } from '#src/ports.ts';
import type { Deps } from '#use-cases/deps.ts';
import type { SlackApp } from './create-slack-app.ts';
import type { ReminderRuns } from './create-reminder-runs.ts';
import type { OpenedStore } from './open-store.ts';
import type { Jobs } from './start-jobs.ts';

export interface StartOptions {
  config: BotConfig;
  secrets: Secrets;
  clock?: Clock;
  logDestination?: NodeJS.WritableStream;
  /** Where the webhooks' `secret` variables are read (default: the process's environment). */
  env?: Record<string, string | undefined>;
}

/** Everything `buildApp` made that starting and stopping the bot need. */
export interface BuiltApp {
  config: BotConfig;
  log: Logger;
  metrics: Metrics;
  store: OpenedStore;
  slack: SlackApp;
  deps: Deps;
  runs: ReminderRuns;
  jobs: Jobs;
  durable: DurableEvents;
  outgoing: { deliverer: WebhookDeliverer };
  http: { server: Server; port: number };
  unhandled: { remove(): void };
}
