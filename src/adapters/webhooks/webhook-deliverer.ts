import type { Logger } from 'pino';
import type { Clock } from '#src/ports.ts';
import type { OutboxDelivery, WebhookOutbox } from '#src/ports/webhook-outbox.ts';
import { signWebhook } from './sign-webhook.ts';
import type { WebhookMetrics } from './webhook-metrics.ts';
import type { WebhookTarget } from './webhook-target.ts';

export interface RetryPolicy {
  /** Wait before the second attempt; doubled after each failure, up to `maxMs`. */
  firstMs: number;
  maxMs: number;
  /** Attempts in all; after the last one fails the delivery is given up (and counted as failed). */
  attempts: number;
}

/** About 4½ hours of retries: 10 s, 20 s, 40 s … then hourly. */
export const DEFAULT_RETRY: RetryPolicy = { firstMs: 10_000, maxMs: 3_600_000, attempts: 12 };

export interface WebhookDelivererOptions {
  outbox: WebhookOutbox;
  targets: readonly WebhookTarget[];
  clock: Clock;
  log: Logger;
  /** This replica's name on the rows it claims. */
  owner: string;
  metrics?: WebhookMetrics;
  retry?: RetryPolicy;
  /** How long a receiver has to answer. */
  timeoutMs?: number;
  batch?: number;
}

/**
 * Sends what the outbox holds: claims due rows (leased, so another replica leaves them alone), POSTs
 * each signed body, and marks it delivered on a 2xx or schedules the next attempt with backoff. A
 * replica that dies mid-send leaves its lease to run out, and the row is sent again: receivers may see a
 * delivery twice after a crash, never zero times, and can drop the repeat by its `X-Scribe-Delivery` id.
 */
export class WebhookDeliverer {
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly batch: number;
  private running: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: WebhookDelivererOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.batch = options.batch ?? 20;
  }

  /** Polls the outbox every `everyMs` (rows other replicas queued, retries that came due). */
  start(everyMs: number): void {
    this.timer = setInterval(() => this.kick(), everyMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now, or right after the one under way. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch((error: unknown) => {
        this.options.log.error({ err: error }, 'webhook delivery pass failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.running;
  }

  /** One pass over the due rows; says how many were delivered. */
  async deliverDue(): Promise<number> {
    const { outbox, clock, owner, metrics } = this.options;
    let delivered = 0;
    for (;;) {
      const now = clock.now();
      const lease = new Date(now.getTime() + this.timeoutMs + 30_000).toISOString();
      const rows = await outbox.claimDue(owner, now.toISOString(), lease, this.batch);
      if (rows.length === 0) break;
      const results = await Promise.all(rows.map((row) => this.send(row)));
      delivered += results.filter(Boolean).length;
      if (rows.length < this.batch) break;
    }
    metrics?.pending.set(await outbox.pendingCount());
    return delivered;
  }

  private async send(row: OutboxDelivery): Promise<boolean> {
    const { outbox, clock, log, metrics } = this.options;
    const target = this.options.targets.find((t) => t.url === row.url);
    const host = URL.canParse(row.url) ? new URL(row.url).host : 'unknown';
    if (!target) {
      await outbox.markFailed(
        row.id,
        'no webhook with this URL is configured any more',
        null,
        clock.now().toISOString(),
      );
      metrics?.deliveries.inc({ event: row.event, outcome: 'failed' });
      return false;
    }
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    let problem: string;
    let status = 0;
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'IncidentScribe-Webhooks',
          'X-Scribe-Event': row.event,
          'X-Scribe-Delivery': row.id,
          'X-Scribe-Request-Timestamp': String(timestamp),
          'X-Scribe-Signature': signWebhook(target.secret, timestamp, row.body),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      problem = `the receiver answered HTTP ${response.status}`;
    } catch (error) {
      problem = `the receiver could not be reached (${(error as Error).cause ?? (error as Error).message})`;
    }
    metrics?.lastStatus.set({ host }, status);
    const at = clock.now();
    if (status >= 200 && status < 300) {
      await outbox.markDelivered(row.id, at.toISOString());
      metrics?.deliveries.inc({ event: row.event, outcome: 'delivered' });
      log.info({ delivery: row.id, event: row.event, host, status, attempt: row.attempts + 1 }, 'webhook delivered');
      return true;
    }
    const attempt = row.attempts + 1;
    const giveUp = attempt >= this.retry.attempts;
    const wait = Math.min(this.retry.firstMs * 2 ** (attempt - 1), this.retry.maxMs);
    const next = giveUp ? null : new Date(at.getTime() + wait).toISOString();
    await outbox.markFailed(row.id, problem, next, at.toISOString());
    metrics?.deliveries.inc({ event: row.event, outcome: giveUp ? 'failed' : 'retrying' });
    log.warn(
      { delivery: row.id, event: row.event, host, status, attempt, nextAttemptAt: next },
      giveUp ? `webhook given up after ${attempt} attempts: ${problem}` : `webhook will be retried: ${problem}`,
    );
    return false;
  }
}
