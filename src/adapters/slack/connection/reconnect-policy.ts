import type { RetryOptions } from '@slack/web-api';

/**
 * How the Socket Mode client's own WebClient retries `apps.connections.open`: for as long as it takes.
 *
 * `@slack/socket-mode` uses `{ retries: 100, factor: 1.3 }` only when no `retryConfig` is given; with a
 * bounded one, an outage longer than the budget ends in a `WebAPIRequestError` (or `WebAPIHTTPError`
 * after 5xx) that `retrieveWSSURL` treats as unrecoverable, and the reconnect's `start()` rejects with
 * nothing to catch it. Retrying forever inside the call leaves only a refused token (`invalid_auth`,
 * `not_authed`, …: a platform error, never retried) to end a start. 429s wait their Retry-After first.
 * `unref` so a retry timer alone never keeps a stopping process alive.
 */
export const RECONNECT_FOREVER: RetryOptions = {
  forever: true,
  retries: 8,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 10_000,
  randomize: true,
  unref: true,
};

/** Slack's answers to `apps.connections.open` that mean the App-Level Token itself is wrong. */
export const REFUSED_APP_TOKEN = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'user_removed_from_team',
  'team_disabled',
]);
