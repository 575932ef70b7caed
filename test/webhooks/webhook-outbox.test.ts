import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { KyselyWebhookOutbox } from '#adapters/store/kysely-webhook-outbox.ts';
import { WebhookDeliverer } from '#adapters/webhooks/webhook-deliverer.ts';
import { createWebhookMetrics } from '#adapters/webhooks/webhook-metrics.ts';
import { WebhookPublisher } from '#adapters/webhooks/webhook-publisher.ts';
import type { Incident } from '#domain/incident.ts';
import type { WebhookEvent } from '#domain/webhook-event.ts';
import { FakeClock } from '../helpers/bot-harness.ts';
import { noteSkipped, STORE_FACTORIES } from '../helpers/stores.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

const SECRET = 'hook-secret-0123456789';
const silent = pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() }));

const incident: Incident = {
  id: 'inc-1',
  title: 'Checkout latency',
  severity: 'P2',
  status: 'identified',
  channelId: 'C1',
  channelName: 'inc-2030-04-07-checkout-latency',
  summaryTs: null,
  declaredBy: 'U1',
  declaredAt: '2030-04-07T10:00:00.000Z',
  resolvedAt: null,
  roles: { lead: 'U1' },
  services: ['checkout'],
  summary: 'p99 over 2 s',
  rootCause: '',
  impact: '',
  resolution: '',
  rcaPath: null,
};

const event = (key: string, over: Partial<WebhookEvent> = {}): WebhookEvent => ({
  kind: 'status',
  key,
  at: '2030-04-07T10:05:00.000Z',
  incident,
  detail: { from: 'investigating', to: 'identified', by: 'U1' },
  ...over,
});

/** Slack's recipe, written out again here so the test does not trust the code under test. */
const expectedSignature = (timestamp: string, body: string) =>
  `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

for (const factory of STORE_FACTORIES) {
  noteSkipped(factory);
  describe.skipIf(!factory.available)(`outgoing webhooks on ${factory.name}`, () => {
    const setUp = async (clock = new FakeClock(new Date('2030-04-07T10:05:00Z'))) => {
      const receiver = await startWebhookReceiver();
      receivers.push(receiver);
      const { store, reopen } = await factory.create();
      const targets = [{ url: receiver.url, events: ['status', 'resolved'], secret: SECRET }];
      const outbox = new KyselyWebhookOutbox(store.db, store.kind);
      const registry = new Registry();
      const deliverer = new WebhookDeliverer({
        outbox,
        targets,
        clock,
        log: silent,
        owner: 'replica-a',
        metrics: createWebhookMetrics(registry),
        retry: { firstMs: 60_000, maxMs: 600_000, attempts: 3 },
      });
      return { receiver, store, reopen, targets, outbox, deliverer, clock, registry };
    };

    it('posts the incident as JSON, signed the way Slack signs its requests', async () => {
      const { receiver, store, outbox, targets, deliverer } = await setUp();

      await new WebhookPublisher(outbox, targets).publish(event('status:1'));
      await deliverer.deliverDue();

      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      const timestamp = request!.headers['x-scribe-request-timestamp'] as string;
      expect(Number(timestamp)).toBe(Date.parse('2030-04-07T10:05:00Z') / 1000);
      expect(request!.headers['x-scribe-signature']).toBe(expectedSignature(timestamp, request!.body));
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.headers['x-scribe-event']).toBe('status');
      const body = JSON.parse(request!.body);
      expect(body).toMatchObject({
        id: request!.headers['x-scribe-delivery'],
        event: 'status',
        occurredAt: '2030-04-07T10:05:00.000Z',
        incident: {
          id: 'inc-1',
          title: 'Checkout latency',
          severity: 'P2',
          status: 'identified',
          services: ['checkout'],
        },
        detail: { from: 'investigating', to: 'identified', by: 'U1' },
      });
      await store.close();
    });

    it('sends an event only to the webhooks that asked for it, and the same event once', async () => {
      const { receiver, store, outbox, targets, deliverer } = await setUp();
      const publisher = new WebhookPublisher(outbox, targets);

      await publisher.publish(event('declared:inc-1', { kind: 'declared' }));
      await publisher.publish(event('status:1'));
      await publisher.publish(event('status:1'));
      await deliverer.deliverDue();
      await deliverer.deliverDue();

      expect(receiver.delivered().map((b) => b['event'])).toEqual(['status']);
      await store.close();
    });

    it('retries a failed delivery with a growing wait, re-signed, and gives up after the last attempt', async () => {
      const { receiver, store, outbox, targets, deliverer, clock, registry } = await setUp();
      receiver.answerWith(() => 503);
      await new WebhookPublisher(outbox, targets).publish(event('status:1'));

      await deliverer.deliverDue();
      clock.set('2030-04-07T10:05:59Z');
      await deliverer.deliverDue();
      expect(receiver.received).toHaveLength(1);
      clock.set('2030-04-07T10:06:00Z');
      await deliverer.deliverDue();
      expect(receiver.received).toHaveLength(2);
      clock.set('2030-04-07T10:07:59Z');
      await deliverer.deliverDue();
      expect(receiver.received).toHaveLength(2);
      clock.set('2030-04-07T10:08:00Z');
      await deliverer.deliverDue();
      clock.set('2030-04-07T12:00:00Z');
      await deliverer.deliverDue();

      expect(receiver.received).toHaveLength(3);
      const second = receiver.received[1]!;
      expect(second.headers['x-scribe-request-timestamp']).toBe(String(Date.parse('2030-04-07T10:06:00Z') / 1000));
      expect(second.headers['x-scribe-signature']).toBe(
        expectedSignature(second.headers['x-scribe-request-timestamp'] as string, second.body),
      );
      expect(await outbox.pendingCount()).toBe(0);
      const metrics = await registry.metrics();
      expect(metrics).toContain('scribe_webhook_deliveries_total{event="status",outcome="retrying"} 2');
      expect(metrics).toContain('scribe_webhook_deliveries_total{event="status",outcome="failed"} 1');
      expect(metrics).toMatch(/scribe_webhook_last_status\{host="127\.0\.0\.1:\d+"\} 503/);
      await store.close();
    });

    it('delivers after a restart what could not be sent before it', async () => {
      const { receiver, store, reopen, outbox, targets, deliverer, clock } = await setUp();
      const port = receiver.port;
      await receiver.close();
      receivers.splice(0);
      await new WebhookPublisher(outbox, targets).publish(event('status:1'));
      await new WebhookPublisher(outbox, targets).publish(event('resolved:inc-1', { kind: 'resolved' }));
      await deliverer.deliverDue();
      await store.close();

      const back = await startWebhookReceiver(port);
      receivers.push(back);
      const reopened = reopen();
      await reopened.migrate();
      clock.set('2030-04-07T11:00:00Z');
      const after = new WebhookDeliverer({
        outbox: new KyselyWebhookOutbox(reopened.db, reopened.kind),
        targets,
        clock,
        log: silent,
        owner: 'replica-b',
      });
      await after.deliverDue();

      expect(back.delivered().map((b) => b['event'])).toEqual(['status', 'resolved']);
      await reopened.close();
    });

    it('has two replicas deliver each row once between them', async () => {
      const { receiver, store, reopen, outbox, targets, clock } = await setUp();
      const publisher = new WebhookPublisher(outbox, targets);
      for (let i = 0; i < 30; i += 1) await publisher.publish(event(`status:${i}`));
      const other = reopen();
      const replicas = [
        new WebhookDeliverer({ outbox, targets, clock, log: silent, owner: 'replica-a', batch: 4 }),
        new WebhookDeliverer({
          outbox: new KyselyWebhookOutbox(other.db, other.kind),
          targets,
          clock,
          log: silent,
          owner: 'replica-b',
          batch: 4,
        }),
      ];

      const counts = await Promise.all([...replicas, ...replicas].map((r) => r.deliverDue()));

      const ids = receiver.received.map((r) => r.headers['x-scribe-delivery']);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
      await other.close();
      await store.close();
    });

    it('gives up a row whose webhook is no longer configured instead of sending it anywhere', async () => {
      const { receiver, store, outbox, targets, clock } = await setUp();
      await new WebhookPublisher(outbox, targets).publish(event('status:1'));

      await new WebhookDeliverer({ outbox, targets: [], clock, log: silent, owner: 'a' }).deliverDue();

      expect(receiver.received).toHaveLength(0);
      expect(await outbox.pendingCount()).toBe(0);
      await store.close();
    });
  });
}
