import { WebSocket } from 'ws';
import type { SlackEmulator } from '#emulator/slack-emulator.ts';

export interface RawAnswer {
  status: number;
  body: Record<string, unknown>;
  retryAfter: string | null;
}

/** Calls the emulator's Web API as Slack's HTTP API is called, without a client's retries in between. */
export async function callApi(
  slack: SlackEmulator,
  method: string,
  args: Record<string, unknown> = {},
  token = method === 'apps.connections.open' ? slack.appToken : slack.botToken,
): Promise<RawAnswer> {
  const response = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
}

/** A bare Socket Mode app: opens a connection and keeps every message Slack sends on it. */
export async function connectRawApp(
  slack: SlackEmulator,
  options: { ack?: boolean } = {},
): Promise<{ ws: WebSocket; messages: Record<string, unknown>[]; closed: Promise<void> }> {
  const opened = await callApi(slack, 'apps.connections.open');
  const ws = new WebSocket(String(opened.body['url']));
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    messages.push(message);
    if (options.ack !== false && typeof message['envelope_id'] === 'string') {
      ws.send(JSON.stringify({ envelope_id: message['envelope_id'] }));
    }
  });
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    const wait = () => (messages.some((m) => m['type'] === 'hello') ? resolve() : setTimeout(wait, 5));
    wait();
  });
  return { ws, messages, closed };
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
