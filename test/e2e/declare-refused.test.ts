import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { buildIncident } from '../helpers/build-incident.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

/** A declare Slack gives no channel to: nothing is stored, listed or shown, and the person is told why. */
for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(`a declare Slack refuses (${store})`, () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.stop();
      h = undefined;
    });

    const start = async () => {
      h = await startHarness((store === 'postgres' ? await freshPostgresSchema() : null) ?? {});
      return h;
    };
    const home = (bot: Harness, userId: string) =>
      eventually(() => JSON.stringify(bot.slack.workspace.views.get(`home-${userId}`)!.view));

    it('says a workspace admin must let the app create channels, and leaves no incident behind', async () => {
      const bot = await start();
      const { ana } = bot.people;
      const general = ana.createChannel('general');
      bot.slack.workspace.channelCreation = 'admins';

      const first = await ana.ask('/incident', 'declare P2 Checkout down', general.id);
      const second = await ana.ask('/incident', 'declare P2 Checkout down', general.id);

      for (const answer of [first, second]) {
        expect(answer).toContain('I could not create a channel for "Checkout down", so nothing was declared');
        expect(answer).toContain('Ask a workspace admin to let Incident Scribe create channels');
        expect(answer).toContain('`restricted_action`');
        expect(answer).not.toContain('try again in a moment');
      }
      expect(await bot.store.listIncidents({})).toEqual([]);
      expect(await ana.ask('/incident', 'list', general.id)).toBe('No open incidents. 🎉');
      await ana.openHome();
      expect(await home(bot, ana.id)).toContain('No open incidents.');

      bot.slack.workspace.channelCreation = 'everyone';
      expect(await ana.ask('/incident', 'declare P2 Checkout down', general.id)).toMatch(/^Declared <#C\w+>/);
      expect(await bot.store.listIncidents({})).toHaveLength(1);
    });

    it('never lists an incident an older version stored without a channel, nor <#null>', async () => {
      const bot = await start();
      const { ana } = bot.people;
      await bot.store.createIncident(
        buildIncident({ id: 'inc-ghost', channelId: null, channelName: null, declaredBy: ana.id, roles: {} }),
      );

      const list = await ana.ask('/incident', 'list', ana.createChannel('general').id);
      await ana.openHome();

      expect(list).toBe('No open incidents. 🎉');
      expect(await home(bot, ana.id)).not.toContain('null');
    });
  });
}
