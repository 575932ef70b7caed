import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  declareFromNewChannel,
  eventually,
  FakeClock,
  type Harness,
  rcaPathOf,
  startHarness,
} from '../helpers/bot-harness.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';

const SECRET = 'e2e-webhook-secret-0123456789abcdef';

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(
    `outgoing webhooks through the bot (${store})`,
    () => {
      let h: Harness | undefined;
      let receiver: WebhookReceiver | undefined;
      afterEach(async () => {
        await h?.stop();
        await receiver?.close();
        h = undefined;
        receiver = undefined;
      });

      const start = async (events: string[], clock?: FakeClock) => {
        receiver = await startWebhookReceiver();
        const pg = store === 'postgres' ? await freshPostgresSchema() : null;
        h = await startHarness({
          ...(pg ?? {}),
          env: { TEAM_HOOK_SECRET: SECRET },
          ...(clock ? { clock } : {}),
          config: { webhooks: [{ url: receiver.url, events, secret: 'TEAM_HOOK_SECRET' }] },
        });
        return { h, receiver };
      };

      it('sends declared, severity, status, update, resolved and rca, each once and signed', async () => {
        const { h, receiver } = await start(['declared', 'status', 'severity', 'update', 'resolved', 'rca']);
        const incident = await declareFromNewChannel(h, 'declare sev2 Checkout latency');
        const channel = incident.channelId!;
        const { ana } = h.people;

        await ana.ask('/incident', 'severity sev1', channel);
        await ana.ask('/incident', 'status identified', channel);
        await ana.ask('/incident', 'note Paged the payments team', channel);
        await ana.ask('/incident', 'resolve Rolled back to v41', channel);
        await rcaPathOf(h, incident.id);

        const bodies = await eventually(() => {
          const delivered = receiver.delivered();
          expect(delivered.map((b) => b['event']).sort()).toEqual(
            ['declared', 'severity', 'status', 'update', 'resolved', 'rca'].sort(),
          );
          return Object.fromEntries(delivered.map((b) => [b['event'] as string, b]));
        }, 30_000);
        expect(bodies['severity']).toMatchObject({
          incident: { id: incident.id, title: 'Checkout latency', severity: 'P1' },
          detail: { from: 'P2', to: 'P1', by: ana.id },
        });
        expect(bodies['update']).toMatchObject({ detail: { text: 'Paged the payments team', by: ana.id } });
        expect(bodies['resolved']).toMatchObject({
          incident: { status: 'resolved', resolution: 'Rolled back to v41' },
        });
        expect(bodies['rca']).toMatchObject({ detail: { rcaPath: expect.stringMatching(/^RCAs\/.*\.md$/) } });
        for (const request of receiver.received) {
          const timestamp = request.headers['x-scribe-request-timestamp'] as string;
          const mac = createHmac('sha256', SECRET).update(`v0:${timestamp}:${request.body}`).digest('hex');
          expect(request.headers['x-scribe-signature']).toBe(`v0=${mac}`);
        }
        expect(h.logs.join('')).not.toContain(SECRET);
        const metrics = await (await fetch(`http://127.0.0.1:${h.bot.port}/metrics`)).text();
        expect(metrics).toContain('scribe_webhook_deliveries_total{event="declared",outcome="delivered"} 1');
      });

      it('keeps what the receiver refused across a restart and delivers it, once, when it comes due', async () => {
        const clock = new FakeClock(new Date());
        const { h, receiver } = await start(['declared'], clock);
        receiver.answerWith(() => 500);
        await declareFromNewChannel(h, 'declare sev3 Search is slow');
        await eventually(() => expect(receiver.received).toHaveLength(1));

        await h.bot.stop();
        receiver.answerWith(() => 200);
        clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
        await h.restart();

        await eventually(() => expect(receiver.delivered().map((b) => b['event'])).toEqual(['declared']));
        expect(receiver.received).toHaveLength(2);
        expect(receiver.received[1]!.headers['x-scribe-delivery']).toBe(
          receiver.received[0]!.headers['x-scribe-delivery'],
        );
      });
    },
  );
}
