import type { App } from '@slack/bolt';
import type { Logger } from '#adapters/log/create-logger.ts';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import type { DurableEvents } from '#adapters/slack/durable-events.ts';
import { buildApp } from '#src/app/build-app.ts';
import type { StartOptions } from '#src/app/built-app.ts';
import type { OpenedStore } from '#src/app/open-store.ts';
import { startApp } from '#src/app/start-app.ts';
import { stopApp } from '#src/app/stop-app.ts';
import type { Deps } from '#use-cases/deps.ts';
import type { RcaIndex } from '#use-cases/rca-index.ts';
import type { RunSummary } from '#use-cases/remind-action-items.ts';

export type { StartOptions } from '#src/app/built-app.ts';
export { DEMO_HINT, SetupError } from '#src/app/setup-error.ts';

export interface RunningBot {
  app: App;
  deps: Deps;
  store: OpenedStore;
  durable: DurableEvents;
  metrics: Metrics;
  log: Logger;
  port: number;
  /** Runs the reminder job now (the schedule does it otherwise). */
  runReminders(): Promise<RunSummary>;
  runDigest(): Promise<number>;
  index: RcaIndex;
  stop(): Promise<void>;
}

/** The composition root: settings → adapters → use cases → Bolt (the building is in `src/app/`). */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const built = await buildApp(options);
  await startApp(built);
  let stopped = false;
  return {
    app: built.slack.app,
    deps: built.deps,
    store: built.store,
    durable: built.durable,
    metrics: built.metrics,
    log: built.log,
    port: built.http.port,
    index: built.runs.index,
    runReminders: built.runs.runReminders,
    runDigest: built.runs.runDigest,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopApp(built);
    },
  };
}
