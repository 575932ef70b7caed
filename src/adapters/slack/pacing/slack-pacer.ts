import type { FetchFunction } from '@slack/web-api';
import PQueue from 'p-queue';
import { methodBudget, PER_CHANNEL_METHODS } from './method-budgets.ts';

/** Whose call it is: a person waiting (command replies, modals, confirmations) or the scheduled jobs. */
export type Lane = 'interactive' | 'background';

const MINUTE_MS = 61_000; // a minute and a little: Slack counts arrivals, the queue counts starts
const CHANNEL_MS = 1_000;
const MAX_429_RETRIES = 3;

/**
 * Paces Web API calls the way Slack limits them, with p-queue: one sliding-window queue per method
 * (its tier's calls per minute) and one per channel for `chat.postMessage`. Interactive calls jump
 * ahead of background ones in the same queue. A 429 that still comes back pauses only that method's
 * (or channel's) queue for its Retry-After and is retried there, so the WebClient never sees it and
 * never pauses all its other calls.
 */
export class SlackPacer {
  private readonly methods = new Map<string, PQueue>();
  private readonly channels = new Map<string, PQueue>();

  constructor(
    private readonly apiUrl: string,
    private readonly onRateLimited: (method: string, retryAfterSeconds: number) => void = () => undefined,
  ) {}

  /** A `fetch` for a WebClient whose calls belong to `lane`. */
  fetchFor(lane: Lane): FetchFunction {
    const priority = lane === 'interactive' ? 1 : 0;
    return (url, init) => {
      const href = String(url);
      if (!href.startsWith(this.apiUrl)) return fetch(url, init);
      const method = href.slice(this.apiUrl.length).split('?')[0]!;
      const queue = this.queueFor(method, init?.body);
      if (queue === null) return fetch(url, init);
      return this.send(queue, method, priority, () => fetch(url, init));
    };
  }

  /** Drops whatever is still waiting (on shutdown). */
  clear(): void {
    for (const queue of [...this.methods.values(), ...this.channels.values()]) queue.clear();
  }

  private async send(queue: PQueue, method: string, priority: number, call: () => Promise<Response>) {
    for (let attempt = 0; ; attempt += 1) {
      const response = await queue.add(call, { priority });
      const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      if (response.status !== 429 || attempt >= MAX_429_RETRIES || !Number.isFinite(retryAfter)) return response;
      await response.body?.cancel().catch(() => undefined);
      this.onRateLimited(method, retryAfter);
      if (!queue.isPaused) {
        queue.pause();
        setTimeout(() => queue.start(), retryAfter * 1000).unref();
      }
    }
  }

  private queueFor(method: string, body: unknown): PQueue | null {
    if (PER_CHANNEL_METHODS.has(method)) {
      const channel = channelOf(body);
      if (channel === null) return null;
      return getOrCreate(this.channels, channel, { intervalCap: 1, interval: CHANNEL_MS });
    }
    const budget = methodBudget(method);
    return budget === null ? null : getOrCreate(this.methods, method, { intervalCap: budget, interval: MINUTE_MS });
  }
}

function getOrCreate(queues: Map<string, PQueue>, key: string, limit: { intervalCap: number; interval: number }) {
  let queue = queues.get(key);
  if (!queue) {
    queue = new PQueue({ ...limit, strict: true });
    queues.set(key, queue);
  }
  return queue;
}

/** The `channel` argument of a form-encoded or JSON Web API call. */
function channelOf(body: unknown): string | null {
  if (typeof body !== 'string') return null;
  if (body.startsWith('{')) {
    try {
      const channel = (JSON.parse(body) as { channel?: unknown }).channel;
      return typeof channel === 'string' ? channel : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(body).get('channel');
}
