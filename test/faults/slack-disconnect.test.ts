import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe("Slack's disconnect messages", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  for (const reason of ['warning', 'refresh_requested', 'link_disabled'] as const) {
    it(`reconnects after "${reason}" and handles the events that come after`, async () => {
      h = await startHarness();
      const incident = await declareFromNewChannel(h, `declare sev2 Disconnect ${reason}`);
      const channel = incident.channelId!;
      const before = h.slack.calls.filter((c) => c.method === 'apps.connections.open').length;

      h.slack.disconnectSockets(reason, 200);
      await eventually(
        () => expect(h.slack.calls.filter((c) => c.method === 'apps.connections.open' && c.ok).length).toBe(before + 1),
        20_000,
      );
      await h.slack.waitForConnection(20_000);
      const ts = await h.people.ana.post(channel, `After ${reason}`);
      await h.people.ana.react(channel, ts, 'pushpin');

      await eventually(async () => {
        const entries = await h.store.listTimeline(incident.id);
        expect(entries.filter((e) => e.text === `After ${reason}`)).toHaveLength(1);
      }, 30_000);
    });
  }
});
