import { SocketModeReceiver } from '@slack/bolt';
import type { BuiltApp } from './built-app.ts';
import { refusedAppToken } from './refused-app-token.ts';

/**
 * Opens the Socket Mode connection (HTTP mode already listens), then queues the events a crash left
 * unprocessed. A refused App-Level Token undoes what was started and says what to fix.
 */
export async function startApp(built: BuiltApp): Promise<void> {
  const { slack, durable, jobs, http, store, unhandled, config, log } = built;
  if (slack.receiver instanceof SocketModeReceiver) {
    try {
      await slack.app.start();
    } catch (error) {
      durable.close();
      await jobs.stop();
      http.server.close();
      await store.close();
      unhandled.remove();
      throw refusedAppToken(error);
    }
  }
  const replayed = await durable.replayPending();
  log.info({ mode: config.slack.mode, port: http.port, store: store.kind, replayed }, 'Incident Scribe is running');
}
