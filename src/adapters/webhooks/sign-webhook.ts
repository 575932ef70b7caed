import { createHmac } from 'node:crypto';

/**
 * The `X-Scribe-Signature` header, made the way Slack signs its own requests: `v0=` and the hex
 * HMAC-SHA256, keyed by the shared secret, of `v0:{X-Scribe-Request-Timestamp}:{raw body}`.
 * (Slack: https://api.slack.com/authentication/verifying-requests-from-slack)
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
