import { afterEach, describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import type { SlackEmulator } from '#emulator/slack-emulator.ts';
import {
  declareFromNewChannel,
  eventually,
  FakeClock,
  type Harness,
  rcaPathOf,
  startHarness,
} from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile } from '../helpers/git-repos.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

const texts = (slack: SlackEmulator, channel: string) =>
  slack.workspace.channels.get(channel)!.messages.map((m) => ({ ts: m.ts, text: m.text, blocks: m.blocks }));
const nudgesIn = (slack: SlackEmulator, channel: string) =>
  texts(slack, channel).filter((m) => m.text.includes('a status update on this incident was due'));

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(`status updates on a cadence (${store})`, () => {
    let h: Harness;
    afterEach(async () => {
      await h?.stop();
    });

    it('posts updates to the channel and the broadcast channels, nudges once per missed period across a restart, stops when mitigated', async () => {
      const clock = new FakeClock(new Date('2025-04-07T10:00:00Z'));
      const bare = bareRemote();
      const pg = store === 'postgres' ? await freshPostgresSchema() : null;
      const channels: Record<string, string> = {};
      h = await startHarness({
        clock,
        rcaRepo: bare,
        ...(pg ?? {}),
        configFor: (slack, people) => {
          for (const name of ['legacy', 'sev1-only', 'everything']) {
            const channel = people.cho.createChannel(name);
            channel.members.add(slack.workspace.botUserId);
            channels[name] = channel.id;
          }
          return {
            incident: {
              announcementsChannel: channels['legacy'],
              announcements: [
                { channel: channels['sev1-only'], minSeverity: 'P1' },
                { channel: channels['everything'] },
              ],
              updateEvery: { P1: '30m', P2: '1h' },
              updateCheckSeconds: 1,
            },
          };
        },
      });
      const { ana, ben } = h.people;
      const incident = await declareFromNewChannel(h, 'declare sev2 Checkout errors');
      const channel = incident.channelId!;
      ben.join(channel);
      await ana.ask('/incident', `lead ${ben.mention}`, channel);

      clock.set('2025-04-07T10:05:00Z');
      const reply = await ana.ask('/incident', 'update Rolled back v42; errors dropping', channel);

      expect(reply).toBe(
        `Update posted here and in <#${channels['legacy']}>, <#${channels['everything']}>. Next update due at 11:05 UTC.`,
      );
      for (const where of [channel, channels['legacy']!, channels['everything']!]) {
        const update = await eventually(() => {
          const found = texts(h.slack, where).find((m) => m.text.startsWith('Update on P2 Checkout errors'));
          expect(found).toBeTruthy();
          return found!;
        });
        const body = JSON.stringify(update.blocks);
        for (const part of [
          '*Status:* investigating',
          '*Severity:* P2',
          `*Lead:* <@${ben.id}>`,
          '2025-04-07 11:05 UTC',
          'Rolled back v42',
        ]) {
          expect(body).toContain(part);
        }
      }
      expect(texts(h.slack, channels['sev1-only']!)).toHaveLength(0);
      expect(texts(h.slack, channels['everything']!)[0]!.text).toContain('Checkout errors');

      clock.set('2025-04-07T11:04:00Z');
      await new Promise((r) => setTimeout(r, 2500));
      expect(nudgesIn(h.slack, channel)).toHaveLength(0);
      clock.set('2025-04-07T11:06:00Z');
      await eventually(() => expect(nudgesIn(h.slack, channel)).toHaveLength(1));
      expect(nudgesIn(h.slack, channel)[0]!.text).toContain(`<@${ben.id}>`);
      expect(nudgesIn(h.slack, channel)[0]!.text).toContain('due at 11:05 UTC');
      await h.restart();
      await new Promise((r) => setTimeout(r, 2500));
      expect(nudgesIn(h.slack, channel)).toHaveLength(1);
      clock.set('2025-04-07T12:10:00Z');
      await eventually(() => expect(nudgesIn(h.slack, channel)).toHaveLength(2));
      expect(nudgesIn(h.slack, channel)[1]!.text).toContain('due at 12:05 UTC');

      const beforeForm = h.slack.calls.length;
      await ana.slash('/incident', 'update', channel);
      await eventually(() => expect(h.slack.calls.slice(beforeForm).map((c) => c.method)).toContain('views.open'));
      expect(h.slack.calls.slice(beforeForm)[0]!.method).toBe('views.open');
      // The form's membership check runs after it opens; let it finish before counting the button's calls.
      await eventually(() =>
        expect(h.slack.calls.slice(beforeForm).map((c) => c.method)).toContain('conversations.members'),
      );
      for (const [id, view] of h.slack.workspace.views) if (view.userId === ana.id) h.slack.workspace.views.delete(id);

      const from = h.slack.calls.length;
      await ben.pressButton(channel, nudgesIn(h.slack, channel)[1]!.ts, 'post_status_update');
      await ben.submitView({
        text: { text: { value: 'Fix deployed, watching' } },
        status: { status: { selected_option: { value: 'mitigated' } } },
        next: { next: { selected_option: { value: '2h' } } },
      });
      expect(h.slack.calls.slice(from).map((c) => c.method)[0]).toBe('views.open');
      await eventually(async () => expect((await h.store.getIncident(incident.id))?.status).toBe('mitigated'));
      await eventually(() =>
        expect(texts(h.slack, channel).some((m) => JSON.stringify(m.blocks).includes('Fix deployed, watching'))).toBe(
          true,
        ),
      );
      clock.set('2025-04-07T16:00:00Z');
      await new Promise((r) => setTimeout(r, 2500));
      expect(nudgesIn(h.slack, channel)).toHaveLength(2);

      await ana.slash('/incident', 'resolve', channel);
      await ana.submitView({});
      const path = await rcaPathOf(h, incident.id);
      const rca = parseRca(remoteFile(bare, path)!);
      expect(
        rca.timeline.filter((r) => r.event.startsWith('Status update:')).map((r) => [r.time, r.event, r.author]),
      ).toEqual([
        ['10:05', 'Status update: Rolled back v42; errors dropping', 'ana'],
        ['12:10', 'Status update: Fix deployed, watching', 'ben'],
      ]);
    });

    it.skipIf(store === 'sqlite')('sends each nudge once with two replicas on one store', async () => {
      const clock = new FakeClock(new Date('2025-04-07T10:00:00Z'));
      const pg = (await freshPostgresSchema())!;
      const config = { incident: { updateEvery: { P1: '30m' }, updateCheckSeconds: 1 } };
      h = await startHarness({ clock, ...pg, config });
      const second = await startHarness({ clock, ...pg, config, slack: h.slack });
      try {
        const incident = await declareFromNewChannel(h, 'declare sev1 Payments down');
        clock.set('2025-04-07T10:31:00Z');
        await eventually(() => expect(nudgesIn(h.slack, incident.channelId!)).toHaveLength(1));
        await new Promise((r) => setTimeout(r, 2500));
        expect(nudgesIn(h.slack, incident.channelId!)).toHaveLength(1);
      } finally {
        await second.bot.stop();
      }
    });
  });
}
