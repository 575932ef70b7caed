import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';

export interface SocketConnection {
  /** Whether a Socket Mode connection is open and Slack has said hello on it. */
  readonly connected: boolean;
}

/**
 * Follows the Socket Mode client's lifecycle for `/readyz` and the log. The client emits `disconnected`
 * only when it will not reconnect, so a lost connection shows as `close` and then `reconnecting`.
 */
export function watchSocketConnection(client: SocketModeReceiver['client'], log: Logger): SocketConnection {
  const state = { connected: false, lostAt: null as number | null };
  const lost = (why: string) => () => {
    if (state.connected) {
      state.lostAt = Date.now();
      log.warn({ why }, 'slack disconnected; reconnecting until it answers');
    }
    state.connected = false;
  };
  client.on('connected', () => {
    if (state.lostAt !== null)
      log.info({ downSeconds: Math.round((Date.now() - state.lostAt) / 1000) }, 'slack connected again');
    state.connected = true;
    state.lostAt = null;
  });
  client.on('close', lost('connection closed'));
  client.on('reconnecting', lost('reconnecting'));
  client.on('disconnected', lost('disconnected'));
  return {
    get connected() {
      return state.connected;
    },
  };
}
