import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';

/** Octokit with GitHub's recommended retry and throttling plugins, as both GitHub adapters use it. */
const GithubClient = Octokit.plugin(retry, throttling);
export type GithubClient = InstanceType<typeof GithubClient>;

export interface GithubClientOptions {
  token: string;
  /** https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server; a trailing / is dropped. */
  apiUrl: string;
  /** Where Octokit's own warnings go (through the bot's logger and its redaction, never the console). */
  log?: Logger;
  /** How long one request may take before it counts as GitHub not answering (15 s). */
  timeoutMs?: number;
  /** Tries after a 5xx or a dropped connection (3, waiting 1 s, 4 s, 9 s: plugin-retry's defaults). */
  retries?: number;
  /** The unit of those waits and of a rate limit's Retry-After, in ms (1000; tests make it small). */
  retryUnitMs?: number;
}

/**
 * Writes go one at a time (GitHub: "make requests serially instead of concurrently"), one queue for
 * both adapters. Without plugin-throttling's extra 1 s between writes and 3 s between writes that notify
 * people: those keep a client under GitHub's 80 content-creating requests a minute, and the bot makes a
 * handful per draft or resolve; a secondary rate limit, should one come, is waited out.
 */
const writes = new Bottleneck.Group({ maxConcurrent: 1 });
const notifying = new Bottleneck.Group({ maxConcurrent: 1 });

/** The longest wait after a rate limit the bot accepts; past it the call fails and says so. */
const MAX_RATE_LIMIT_WAIT_S = 60;

/**
 * One GitHub client for the review adapter and the issue tracker: base URL, token, user agent, a
 * timeout on every request, retries of 5xx and dropped connections (plugin-retry; 4xx are answers
 * and never retried), and GitHub's documented pacing (plugin-throttling: writes one at a time, a
 * second apart, a rate limit or secondary rate limit waited out once when GitHub says to retry
 * within a minute; https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api).
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const log = options.log;
  const unit = options.retryUnitMs ?? 1000;
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method: string; url: string }, _o: unknown, count: number) => {
      const wait = count === 0 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
      log?.warn(
        { method: request.method, url: request.url, retryAfter },
        `GitHub ${kind}${wait ? '; waiting once' : ''}`,
      );
      return wait;
    };
  return new GithubClient({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'incident-scribe',
    // No answer in time is an answer: the caller says GitHub could not be reached, never hangs.
    request: {
      fetch: (url: string, init: RequestInit) => timed(url, init, options.timeoutMs ?? 15_000),
    },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit },
    throttle: {
      write: writes,
      notifications: notifying,
      retryAfterBaseValue: unit,
      onRateLimit: onLimit('rate limit reached'),
      onSecondaryRateLimit: onLimit('secondary rate limit reached'),
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => log?.warn({ octokit: true }, message),
      error: (message: string) => log?.error({ octokit: true }, message),
    },
  });
}

/**
 * fetch with a deadline. Its expiry is given to Octokit as an `AbortError`, which @octokit/request passes
 * on with status 500 and no request attached, so plugin-retry does not wait 15 s more three times.
 */
async function timed(url: string, init: RequestInit, ms: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    throw Object.assign(new Error(`no answer in ${ms} ms`), { name: 'AbortError', cause: error });
  }
}
