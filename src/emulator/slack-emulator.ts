import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { checkBlockKit, truncateMessageText } from './block-kit-rules.ts';
import { deliverHttp, type SignedOverride, sendSigned } from './http-delivery.ts';
import { parseArgs, parseJsonOrEmpty, readBody } from './http-body.ts';
import { subscribesTo } from './scope-check.ts';
import { type Delivery, type DisconnectReason, SocketModeLink } from './socket-mode-link.ts';
import { eventEnvelope } from './event-envelope.ts';
import { WebApi } from './web-api.ts';
import { Workspace } from './workspace.ts';

export type { Delivery } from './socket-mode-link.ts';

export interface EmulatorOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  /** Where HTTP-mode deliveries go (the bot's `/slack/events`); unset: Socket Mode. */
  httpTarget?: string;
  /** Scopes granted to the bot token (from manifest.yml); unset: every scope. */
  scopes?: string[];
  /** The bot events the app subscribes to (manifest.yml `bot_events`); unset: every event. */
  events?: string[];
  /** Slack's per-method rate tiers, on as on Slack; turn off only in a test that says why. */
  enforceTiers?: boolean;
  /** How long to wait for an ack before a delivery fails (ms). */
  ackTimeoutMs?: number;
  port?: number;
}

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
}

/**
 * A local Slack: the Web API methods the bot calls, Socket Mode over loopback ws://, and signed HTTP
 * delivery. Every call is checked against Slack's method reference in api-ref/ (arguments, documented errors,
 * scopes by conversation kind, rate tiers) and every Block Kit surface against block-kit-rules.ts.
 */
export class SlackEmulator {
  readonly workspace = new Workspace();
  readonly calls: ApiCall[] = [];
  /** Told of every Web API call as it is answered (benchmarks time the bot's confirmations by it). */
  readonly callListeners: ((call: ApiCall) => void)[] = [];
  readonly deliveries: Delivery[] = [];
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  /** Everything the bot answered through response_url or a command's ack. */
  readonly responses: { url: string; body: Record<string, unknown> }[] = [];
  private server!: Server;
  private wss!: WebSocketServer;
  private readonly link: SocketModeLink;
  private readonly api: WebApi;
  private connectionsAllowed = true;
  private stopped = false;
  private eventCounter = 0;
  port = 0;

  constructor(readonly options: EmulatorOptions = {}) {
    this.botToken = options.botToken ?? 'xoxb-emulated-bot-token';
    this.appToken = options.appToken ?? 'xapp-emulated-app-token';
    this.signingSecret = options.signingSecret ?? 'emulated-signing-secret';
    this.api = new WebApi(this, options);
    this.link = new SocketModeLink({
      appId: this.workspace.appId,
      ackTimeoutMs: options.ackTimeoutMs ?? 3000,
      redeliver: (delivery) => {
        this.deliver(delivery.type, delivery.payload, delivery.retryAttempt).catch(() => undefined);
      },
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!this.connectionsAllowed || this.api.isDown('apps.connections.open') || !req.url?.startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.link.accept(ws));
    });
    await this.listen(this.options.port ?? 0);
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.link.close();
    this.wss.close();
    this.server.closeAllConnections();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── faults ────────────────────────────────────────────────────────────────

  /** Answers 429 with Retry-After to every `every`-th API call for `durationMs`. */
  rateLimitCalls(options: { every: number; durationMs: number; retryAfterSeconds: number }): void {
    this.api.rateLimit = {
      until: Date.now() + options.durationMs,
      every: options.every,
      retryAfter: options.retryAfterSeconds,
      counter: 0,
    };
  }

  /**
   * Slack (or the network to it) is away for `ms`: with `refuse`, nothing listens (connections are refused,
   * Socket Mode connections drop); with `5xx`, the Web API answers 503 and no Socket Mode connection opens.
   * `methods` limits a `5xx` outage to some methods (`['apps.connections.open']`).
   */
  async outage(options: { ms: number; mode: 'refuse' | '5xx'; methods?: string[] }): Promise<void> {
    this.api.down = {
      until: Date.now() + options.ms,
      mode: options.mode,
      ...(options.methods ? { methods: options.methods } : {}),
    };
    if (options.methods && options.mode === '5xx') return;
    for (const ws of this.link.sockets) ws.terminate();
    if (options.mode === 'refuse') {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
      setTimeout(() => {
        this.api.down = null;
        if (!this.stopped) this.listen(this.port).catch(() => undefined);
      }, options.ms).unref();
    }
  }

  /** Sends Slack's `disconnect` message on every connection, then closes them after `closeAfterMs`. */
  disconnectSockets(reason: DisconnectReason, closeAfterMs = reason === 'warning' ? 10_000 : 0): void {
    this.link.disconnect(reason, closeAfterMs);
  }

  /** Cuts the connection carrying the next envelope, in the middle of its frame or before its ack. */
  cutNextEnvelope(how: 'mid-frame' | 'before-ack' = 'mid-frame'): void {
    this.link.cutNextEnvelope(how);
  }

  /** Drops every Socket Mode connection; with `refuse`, new ones too until `allowConnections`. */
  dropConnections(refuse = false): void {
    this.connectionsAllowed = !refuse;
    for (const ws of this.link.sockets) ws.terminate();
  }

  allowConnections(): void {
    this.connectionsAllowed = true;
  }

  get connectionCount(): number {
    return this.link.open.length;
  }

  get connected(): boolean {
    return this.link.open.some((ws) => (ws as { helloSent?: boolean }).helloSent === true);
  }

  async waitForConnection(timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!this.connected) {
      if (Date.now() - start > timeoutMs) throw new Error('The bot did not connect over Socket Mode');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // ── delivery ──────────────────────────────────────────────────────────────

  /**
   * Wraps an event in Slack's event_callback envelope and delivers it; resolves with the ack. An event the app
   * does not subscribe to (`options.events`) is not sent, as on Slack; resolves with undefined then.
   */
  deliverEvent(
    event: Record<string, unknown>,
    options: { eventId?: string; retryAttempt?: number } = {},
  ): Promise<unknown> {
    if (!subscribesTo(this.options, event)) return Promise.resolve(undefined);
    this.eventCounter += 1;
    const body = eventEnvelope(
      this.workspace,
      event,
      options.eventId ?? `Ev${String(this.eventCounter).padStart(10, '0')}`,
      this.eventCounter,
    );
    return this.deliver('events_api', body, options.retryAttempt ?? 0);
  }

  /** Delivers the same event body again (a Slack retry), optionally with a retry number. */
  redeliver(delivery: Delivery, retryAttempt = delivery.retryAttempt + 1): Promise<unknown> {
    // A retry is a new envelope carrying the same payload (and so the same event_id).
    return this.deliver(delivery.type, delivery.payload, retryAttempt);
  }

  async deliver(
    type: Delivery['type'],
    payload: Record<string, unknown>,
    retryAttempt = 0,
    envelopeId?: string,
  ): Promise<unknown> {
    const delivery: Delivery = { envelopeId: envelopeId ?? crypto.randomUUID(), type, payload, retryAttempt };
    this.deliveries.push(delivery);
    // The trigger's 3 seconds run from the moment its payload is sent (Workspace.exchangeTrigger).
    if (typeof payload['trigger_id'] === 'string') this.workspace.triggerSent(payload['trigger_id'], Date.now());
    if (!this.options.httpTarget) return this.link.send(delivery);
    return deliverHttp(this.options.httpTarget, this.signingSecret, delivery);
  }

  /** Signs and posts the request the way Slack does for HTTP mode (security tests tamper with it). */
  deliverHttp(delivery: Delivery, override: SignedOverride = {}): Promise<unknown> {
    return deliverHttp(this.options.httpTarget!, this.signingSecret, delivery, override);
  }

  sendSigned(delivery: Delivery, override: SignedOverride = {}): Promise<Response> {
    return sendSigned(this.options.httpTarget!, this.signingSecret, delivery, override);
  }

  // ── HTTP routes ───────────────────────────────────────────────────────────

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) return this.respond(url.pathname, raw, res);
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'] ?? '', raw, url.searchParams);
    const token = (req.headers['authorization'] ?? '').replace(/^Bearer\s+/i, '') || String(args['token'] ?? '');
    delete args['token'];
    const { status, body, headers } = this.api.answer(method, args, token);
    const record: ApiCall = {
      method,
      args,
      ok: body['ok'] === true,
      status,
      at: Date.now(),
      ...(body['error'] ? { error: String(body['error']) } : {}),
    };
    this.calls.push(record);
    for (const listener of this.callListeners) listener(record);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  }

  /**
   * A post to a response_url. Its blocks are checked as a message's; response URLs answer like incoming webhooks
   * (hooks.slack.com), with HTTP 400 and the error as plain text (`invalid_blocks`, `no_text`), as recorded in
   * slackapi/java-slack-sdk#1017 ("a 400 `invalid_blocks` back from the slack api ... posting to our webhook").
   * Text past 40,000 characters is truncated, as for chat.postMessage (block-kit-rules.ts).
   */
  private respond(path: string, raw: string, res: ServerResponse): void {
    const body = parseJsonOrEmpty(raw);
    const blocks = body['blocks'];
    const invalid = blocks !== undefined && checkBlockKit('message', { blocks }).length > 0;
    if (invalid || (blocks === undefined && typeof body['text'] !== 'string' && body['delete_original'] !== true)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(invalid ? 'invalid_blocks' : 'no_text');
      return;
    }
    if (typeof body['text'] === 'string') body['text'] = truncateMessageText(body['text']).text;
    this.responses.push({ url: path, body });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  private listen(port: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }
}

export async function startSlackEmulator(options: EmulatorOptions = {}): Promise<SlackEmulator> {
  return new SlackEmulator(options).start();
}
