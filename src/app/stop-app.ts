import { SocketModeReceiver } from '@slack/bolt';
import type { BuiltApp } from './built-app.ts';

/** How long a shutdown waits for the listeners already running to finish. */
const DRAIN_MS = 8000;

/**
 * Shuts down in the order that loses nothing: stop taking events and the schedules, let the running
 * listeners finish (up to eight seconds), stop the webhook deliverer, then close the server, scanner and store.
 */
export async function stopApp(built: BuiltApp): Promise<void> {
  const { slack, durable, jobs, outgoing, http, runs, store, unhandled, log } = built;
  durable.close();
  await jobs.stop();
  slack.pacer.clear();
  if (slack.receiver instanceof SocketModeReceiver) await slack.receiver.client.disconnect().catch(() => undefined);
  await Promise.race([durable.queue.idle(), new Promise((r) => setTimeout(r, DRAIN_MS))]);
  await outgoing.deliverer.stop();
  http.server.closeAllConnections();
  await new Promise<void>((r) => http.server.close(() => r()));
  await runs.scanner.close();
  await store.close();
  unhandled.remove();
  log.info('Incident Scribe stopped');
}
