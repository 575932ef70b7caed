import { createHmac } from 'node:crypto';
import type { Delivery } from './socket-mode-link.ts';

export interface SignedOverride {
  timestamp?: number;
  signature?: string;
  body?: string;
}

/**
 * Posts a delivery the way Slack does in HTTP mode: events as JSON, commands as a form, interactions as a form
 * with one `payload` field, signed `v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")`, retries numbered in
 * `x-slack-retry-num` (https://docs.slack.dev/authentication/verifying-requests-from-slack,
 * https://docs.slack.dev/apis/events-api/#retries).
 */
export function sendSigned(
  target: string,
  signingSecret: string,
  delivery: Delivery,
  override: SignedOverride = {},
): Promise<Response> {
  const body =
    override.body ??
    (delivery.type === 'events_api'
      ? JSON.stringify(delivery.payload)
      : delivery.type === 'slash_commands'
        ? new URLSearchParams(delivery.payload as Record<string, string>).toString()
        : new URLSearchParams({ payload: JSON.stringify(delivery.payload) }).toString());
  const timestamp = override.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    override.signature ?? `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const headers: Record<string, string> = {
    'content-type': delivery.type === 'events_api' ? 'application/json' : 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
  if (delivery.retryAttempt > 0) {
    headers['x-slack-retry-num'] = String(delivery.retryAttempt);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(target, { method: 'POST', headers, body });
}

/** Sends and reads the app's answer (the ack body), failing on anything but 200. */
export async function deliverHttp(
  target: string,
  signingSecret: string,
  delivery: Delivery,
  override: SignedOverride = {},
): Promise<unknown> {
  const response = await sendSigned(target, signingSecret, delivery, override);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { text };
  }
}
