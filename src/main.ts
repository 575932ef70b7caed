import { buildApp } from '#src/app/build-app.ts';
import type { StartOptions } from '#src/app/built-app.ts';
import { startApp } from '#src/app/start-app.ts';
import { stopApp } from '#src/app/stop-app.ts';
import type { RunSummary } from '#use-cases/remind-action-items.ts';

export type { StartOptions } from '#src/app/built-app.ts';
export { DEMO_HINT, SetupError } from '#src/app/setup-error.ts';

/** The bot as it runs: what its caller (`scribe start`, the demo, a test) may do with it. */
export interface RunningBot {
  /** The port `/healthz`, `/readyz`, `/metrics` (and in HTTP mode `/slack/events`) listen on. */
  port: number;
  /** Runs the reminder job now (the schedule does it otherwise). */
  runReminders(): Promise<RunSummary>;
  /** Posts the weekly digest now; says how many channels got one. */
  runDigest(): Promise<number>;
  /** Shuts down without losing an acked event; `signal` is logged as the reason. Once only. */
  stop(signal?: string): Promise<void>;
}

/** The composition root: settings → adapters → use cases → Bolt (the building is in `src/app/`). */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const built = await buildApp(options);
  await startApp(built);
  let stopped = false;
  return {
    port: built.http.port,
    runReminders: built.runs.runReminders,
    runDigest: built.runs.runDigest,
    async stop(signal) {
      if (signal !== undefined) built.log.info({ signal }, 'shutting down');
      if (stopped) return;
      stopped = true;
      await stopApp(built);
    },
  };
}
