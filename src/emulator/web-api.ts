import { loadApiReference } from './api-reference.ts';
import { type CallContext, SlackApiError } from './method-context.ts';
import { RateTiers } from './rate-tiers.ts';
import { type ConversationKind, missingScope } from './scope-check.ts';
import { METHODS } from './web-api-methods.ts';
import type { Workspace } from './workspace.ts';
import { fileURLToPath } from 'node:url';

/** Slack's method reference, the subset the emulator serves (see api-ref/SOURCES.md). */
const API_REF = fileURLToPath(new URL('api-ref', import.meta.url));

/** What the Web API needs of the emulator around it. */
export interface WebApiHost {
  readonly workspace: Workspace;
  readonly apiUrl: string;
  readonly port: number;
  readonly botToken: string;
  readonly appToken: string;
  deliverEvent(event: Record<string, unknown>): Promise<unknown>;
}

export interface WebApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The Web API's answer to one call, checked in Slack's order against its method reference (api-ref/):
 * outages, rate limits, the token, required arguments, scopes by conversation kind, then the method itself,
 * which may only fail with an error Slack documents for it.
 */
export class WebApi {
  readonly reference = loadApiReference(API_REF);
  private readonly tiers = new RateTiers();
  rateLimit: { until: number; every: number; retryAfter: number; counter: number } | null = null;
  down: { until: number; mode: 'refuse' | '5xx'; methods?: string[] } | null = null;

  constructor(
    private readonly host: WebApiHost,
    private readonly options: { scopes?: string[]; enforceTiers?: boolean },
  ) {}

  answer(method: string, args: Record<string, unknown>, token: string): WebApiAnswer {
    const fail = (error: string, extra: Record<string, unknown> = {}): WebApiAnswer => ({
      status: 200,
      body: { ok: false, error, ...extra },
    });
    // An outage: Slack's edge answers 503 (service_unavailable is among the common errors in api-ref).
    if (this.isDown(method)) return { status: 503, body: { ok: false, error: 'service_unavailable' } };
    const spec = this.reference.method(method);
    if (!spec) return fail('unknown_method');
    if (this.rateLimit && Date.now() < this.rateLimit.until) {
      this.rateLimit.counter += 1;
      if (this.rateLimit.counter % this.rateLimit.every === 0) return tooMany(this.rateLimit.retryAfter);
    }
    if (this.options.enforceTiers !== false) {
      const wait = this.tiers.take(
        method,
        spec.tier,
        typeof args['channel'] === 'string' ? args['channel'] : undefined,
      );
      if (wait !== null) return tooMany(wait);
    }
    if (token === '') return fail('not_authed');
    const isApp = method === 'apps.connections.open';
    if (isApp ? token !== this.host.appToken : token !== this.host.botToken) return fail('invalid_auth');
    if (isApp) {
      return {
        status: 200,
        body: { ok: true, url: `ws://127.0.0.1:${this.host.port}/socket?ticket=${crypto.randomUUID()}` },
      };
    }
    const missing = spec.required.filter((arg) => args[arg] === undefined || args[arg] === '');
    if (missing.length > 0) {
      return fail('invalid_arguments', {
        response_metadata: { messages: missing.map((m) => `[ERROR] missing required field: ${m}`) },
      });
    }
    const unscoped = this.options.scopes && missingScope(spec, this.options.scopes, this.kindOf(method, args));
    if (unscoped) return fail('missing_scope', unscoped);
    const handler = METHODS[method];
    if (!handler) return fail('unknown_method');
    const ctx: CallContext = {
      workspace: this.host.workspace,
      actor: this.host.workspace.botUserId,
      apiUrl: this.host.apiUrl,
      emit: (event) => {
        this.host.deliverEvent(event).catch(() => undefined);
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

  /** The kind of conversation a call is about, for its scope family (scope-check.ts); null when unknown. */
  private kindOf(method: string, args: Record<string, unknown>): ConversationKind | null {
    if (method === 'conversations.create') {
      return args['is_private'] === true || args['is_private'] === 'true' ? 'private' : 'public';
    }
    const id = String(args['channel'] ?? '');
    if (/^[UW]/.test(id)) return 'im';
    const channel = this.host.workspace.channels.get(id);
    if (!channel) return null;
    if (channel.isIm) return 'im';
    return channel.isPrivate ? 'private' : 'public';
  }

  isDown(method: string): boolean {
    if (!this.down) return false;
    if (Date.now() >= this.down.until) {
      this.down = null;
      return false;
    }
    return !this.down.methods || this.down.methods.includes(method);
  }
}

/**
 * Slack's answer to a call over its rate limit: HTTP 429 with `Retry-After` in seconds and `ratelimited`
 * (https://docs.slack.dev/apis/web-api/rate-limits: "a HTTP 429 Too Many Requests error, and a Retry-After
 * HTTP header containing the number of seconds until you can retry").
 */
function tooMany(seconds: number): WebApiAnswer {
  return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(seconds) } };
}
