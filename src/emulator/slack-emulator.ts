import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { loadApiReference } from './api-reference.ts';
import { type CallContext, SlackApiError } from './method-context.ts';
import { METHODS } from './web-api-methods.ts';
import { Workspace } from './workspace.ts';

export interface EmulatorOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  /** Where HTTP-mode deliveries go (the bot's `/slack/events`); unset: Socket Mode. */
  httpTarget?: string;
  /** Scopes granted to the bot token (from manifest.yml); unset: every scope. */
  scopes?: string[];
  /** Enforce Slack's per-method rate tiers (off by default so tests run fast). */
  enforceTiers?: boolean;
  /** How long to wait for an ack before redelivering an event, as Slack does (ms). */
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

export interface Delivery {
  envelopeId: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  retryAttempt: number;
}

/** Slack's method reference, the subset the emulator serves (see api-ref/SOURCES.md). */
const API_REF = fileURLToPath(new URL('api-ref', import.meta.url));
const TIER_PER_MINUTE: Record<string, number> = { t1: 1, t2: 20, t3: 50, t4: 100, t5: 60 };

/**
 * A local Slack: the Web API methods the bot calls, Socket Mode over loopback ws://, and signed HTTP
 * delivery. It checks every call against Slack's method reference in api-ref/ (copied from slack-api-ref).
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
  private sockets = new Set<WebSocket>();
  private pendingAcks = new Map<string, { resolve(payload: unknown): void; delivery: Delivery }>();
  private reference = loadApiReference(API_REF);
  private rateLimit: { until: number; every: number; retryAfter: number; counter: number } | null = null;
  private tierWindows = new Map<string, number[]>();
  private connectionsAllowed = true;
  private eventCounter = 0;
  private roundRobin = 0;
  port = 0;

  constructor(readonly options: EmulatorOptions = {}) {
    this.botToken = options.botToken ?? 'xoxb-emulated-bot-token';
    this.appToken = options.appToken ?? 'xapp-emulated-app-token';
    this.signingSecret = options.signingSecret ?? 'emulated-signing-secret';
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
      if (!this.connectionsAllowed || !req.url?.startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── faults ────────────────────────────────────────────────────────────────

  /** Answers 429 with Retry-After to every `every`-th API call for `durationMs`. */
  rateLimitCalls(options: { every: number; durationMs: number; retryAfterSeconds: number }): void {
    this.rateLimit = {
      until: Date.now() + options.durationMs,
      every: options.every,
      retryAfter: options.retryAfterSeconds,
      counter: 0,
    };
  }

  /** Drops every Socket Mode connection; with `refuse`, new ones too until `allowConnections`. */
  dropConnections(refuse = false): void {
    this.connectionsAllowed = !refuse;
    for (const ws of this.sockets) ws.terminate();
  }

  allowConnections(): void {
    this.connectionsAllowed = true;
  }

  get connectionCount(): number {
    return [...this.sockets].filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  get connected(): boolean {
    return [...this.sockets].some(
      (ws) => ws.readyState === WebSocket.OPEN && (ws as { helloSent?: boolean }).helloSent === true,
    );
  }

  async waitForConnection(timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!this.connected) {
      if (Date.now() - start > timeoutMs) throw new Error('The bot did not connect over Socket Mode');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // ── delivery ──────────────────────────────────────────────────────────────

  /** Wraps an event in Slack's event_callback envelope and delivers it; resolves with the ack. */
  deliverEvent(
    event: Record<string, unknown>,
    options: { eventId?: string; retryAttempt?: number } = {},
  ): Promise<unknown> {
    this.eventCounter += 1;
    const body = {
      token: 'verification-token-unused',
      team_id: this.workspace.teamId,
      api_app_id: this.workspace.appId,
      event,
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${String(this.eventCounter).padStart(10, '0')}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.workspace.teamId,
          user_id: this.workspace.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${this.eventCounter}`,
    };
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
    return this.options.httpTarget ? this.deliverHttp(delivery) : this.deliverSocket(delivery);
  }

  private deliverSocket(delivery: Delivery): Promise<unknown> {
    // Slack spreads deliveries over an app's open connections; so does this, in turn.
    const open = [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN);
    this.roundRobin += 1;
    const ws = open[this.roundRobin % Math.max(open.length, 1)];
    if (!ws) return Promise.reject(new Error('no Socket Mode connection'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(delivery.envelopeId);
        reject(new Error(`no ack for envelope ${delivery.envelopeId} within ${this.options.ackTimeoutMs ?? 3000} ms`));
      }, this.options.ackTimeoutMs ?? 3000);
      this.pendingAcks.set(delivery.envelopeId, {
        delivery,
        resolve: (payload) => {
          clearTimeout(timer);
          resolve(payload);
        },
      });
      ws.send(
        JSON.stringify({
          envelope_id: delivery.envelopeId,
          payload: delivery.payload,
          type: delivery.type,
          accepts_response_payload: delivery.type !== 'events_api',
          retry_attempt: delivery.retryAttempt,
          retry_reason: delivery.retryAttempt > 0 ? 'timeout' : '',
        }),
      );
    });
  }

  /** Signs and posts the request the way Slack does for HTTP mode. */
  async deliverHttp(
    delivery: Delivery,
    override: { timestamp?: number; signature?: string; body?: string } = {},
  ): Promise<unknown> {
    const response = await this.sendSigned(delivery, override);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      return { text };
    }
  }

  async sendSigned(
    delivery: Delivery,
    override: { timestamp?: number; signature?: string; body?: string } = {},
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
      override.signature ??
      `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const headers: Record<string, string> = {
      'content-type': delivery.type === 'events_api' ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    };
    if (delivery.retryAttempt > 0) {
      headers['x-slack-retry-num'] = String(delivery.retryAttempt);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(this.options.httpTarget!, { method: 'POST', headers, body });
  }

  // ── HTTP routes ───────────────────────────────────────────────────────────

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ url: url.pathname, body: parseJsonOrEmpty(raw) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'] ?? '', raw, url.searchParams);
    const token = (req.headers['authorization'] ?? '').replace(/^Bearer\s+/i, '') || String(args['token'] ?? '');
    delete args['token'];
    const { status, body, headers } = this.call(method, args, token);
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

  private call(
    method: string,
    args: Record<string, unknown>,
    token: string,
  ): { status: number; body: Record<string, unknown>; headers?: Record<string, string> } {
    const fail = (error: string, extra: Record<string, unknown> = {}) => ({
      status: 200,
      body: { ok: false, error, ...extra },
    });
    const spec = this.reference.method(method);
    if (!spec) return fail('unknown_method');
    if (this.rateLimit && Date.now() < this.rateLimit.until) {
      this.rateLimit.counter += 1;
      if (this.rateLimit.counter % this.rateLimit.every === 0) {
        return {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(this.rateLimit.retryAfter) },
        };
      }
    }
    if (this.options.enforceTiers) {
      const limited = this.checkTier(method, spec.tier);
      if (limited)
        return {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(limited) },
        };
    }
    if (token === '') return fail('not_authed');
    const isApp = method === 'apps.connections.open';
    if (isApp ? token !== this.appToken : token !== this.botToken) return fail(isApp ? 'invalid_auth' : 'invalid_auth');
    if (isApp) {
      return {
        status: 200,
        body: { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=${crypto.randomUUID()}` },
      };
    }
    const missing = spec.required.filter((arg) => args[arg] === undefined || args[arg] === '');
    if (missing.length > 0) {
      return fail('invalid_arguments', {
        response_metadata: { messages: missing.map((m) => `[ERROR] missing required field: ${m}`) },
      });
    }
    if (
      this.options.scopes &&
      spec.botScopes.length > 0 &&
      !spec.botScopes.some((s) => this.options.scopes!.includes(s))
    ) {
      return fail('missing_scope', {
        needed: spec.botScopes.join(','),
        provided: this.options.scopes.join(','),
      });
    }
    const handler = METHODS[method];
    if (!handler) return fail('unknown_method');
    const ctx: CallContext = {
      workspace: this.workspace,
      actor: this.workspace.botUserId,
      apiUrl: this.apiUrl,
      emit: (event) => {
        this.deliverEvent(event).catch(() => undefined);
      },
    };
    try {
      return { status: 200, body: { ok: true, ...handler(args, ctx) } };
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      if (!spec.errors.has(error.code)) {
        throw new Error(`emulator bug: ${method} returned "${error.code}", which Slack does not document for it`);
      }
      return fail(error.code, error.extra);
    }
  }

  private checkTier(method: string, tier: string): number | null {
    const limit = TIER_PER_MINUTE[tier] ?? 50;
    const now = Date.now();
    const window = (this.tierWindows.get(method) ?? []).filter((t) => now - t < 60_000);
    if (window.length >= limit) {
      this.tierWindows.set(method, window);
      return Math.max(1, Math.ceil((60_000 - (now - window[0]!)) / 1000));
    }
    window.push(now);
    this.tierWindows.set(method, window);
    return null;
  }

  // ── Socket Mode ───────────────────────────────────────────────────────────

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const message = parseJsonOrEmpty(String(data));
      const id = message['envelope_id'];
      if (typeof id === 'string') {
        const pending = this.pendingAcks.get(id);
        this.pendingAcks.delete(id);
        pending?.resolve(message['payload'] ?? {});
      }
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'emulator', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: this.workspace.appId },
      }),
    );
    (ws as { helloSent?: boolean }).helloSent = true;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(contentType: string, raw: string, query: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  if (contentType.includes('application/json')) Object.assign(args, parseJsonOrEmpty(raw));
  else for (const [key, value] of new URLSearchParams(raw)) args[key] = value;
  return args;
}

function parseJsonOrEmpty(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function startSlackEmulator(options: EmulatorOptions = {}): Promise<SlackEmulator> {
  return new SlackEmulator(options).start();
}
