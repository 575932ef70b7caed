import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

const VARIANTS = [
  { mode: 'socket', store: 'sqlite' },
  { mode: 'http', store: 'sqlite' },
  { mode: 'socket', store: 'postgres' },
  { mode: 'http', store: 'postgres' },
] as const;

for (const variant of VARIANTS) {
  const skip = variant.store === 'postgres' && !postgresFactory.available;
  describe.skipIf(skip)(`an incident played through the emulator (${variant.mode}, ${variant.store})`, () => {
    let h: Harness;
    afterEach(async () => {
      await h?.stop();
    });

    const start = async () => {
      const pg = variant.store === 'postgres' ? await freshPostgresSchema() : null;
      h = await startHarness({ mode: variant.mode, ...(pg ?? {}) });
      return h;
    };

    const declare = (text: string) => declareFromNewChannel(h, text);

    it('keeps the timeline from declare to resolve: message times, authors, permalinks, no duplicates', async () => {
      await start();
      const incident = await declare('declare sev2 Checkout latency | 🔥');
      const channel = incident.channelId!;
      const { ana, ben, cho } = h.people;
      ben.join(channel);
      cho.join(channel);

      const first = await ben.post(channel, 'Error rate is 40% on checkout');
      const second = await cho.post(channel, 'Rolling back v42');
      const reply = await ana.post(channel, 'Rollback done, errors dropping', second);
      const unpinned = await ben.post(channel, 'Noise');
      const deleted = await cho.post(channel, 'Wrong channel, sorry');
      await ana.react(channel, first, 'pushpin');
      await ben.react(channel, first, 'pushpin');
      await ana.react(channel, reply, 'pushpin');
      await ana.react(channel, second, 'pushpin');
      await ana.react(channel, unpinned, 'pushpin');
      await ana.react(channel, deleted, 'pushpin');
      await ana.react(channel, first, 'eyes');
      await eventually(async () => {
        const entries = await h.store.listTimeline(incident.id);
        expect(entries.filter((e) => e.kind === 'message' && !e.pending)).toHaveLength(5);
      });
      await ana.unreact(channel, unpinned, 'pushpin');
      await ben.unreact(channel, first, 'pushpin');
      await cho.edit(channel, second, 'Rolling back v42 to v41');
      await cho.delete(channel, deleted);
      await ana.ask('/incident', 'severity sev1', channel);
      await ana.ask('/incident', 'status identified', channel);
      await ana.ask('/incident', `lead ${ben.mention}`, channel);
      await ana.ask('/incident', 'note Paged the payments team', channel);
      await ana.ask('/incident', 'resolve Rolled back to v41', channel);

      const entries = await eventually(async () => {
        const list = await h.store.listTimeline(incident.id);
        expect(list.map((e) => e.kind)).toContain('resolved');
        expect(list.some((e) => e.key.endsWith(deleted))).toBe(false);
        expect(list.find((e) => e.key.endsWith(second))?.text).toBe('Rolling back v42 to v41');
        return list;
      });

      const messages = entries.filter((e) => e.kind === 'message');
      expect(messages.map((e) => [e.text, e.authorId, e.at])).toEqual([
        ['Error rate is 40% on checkout', ben.id, tsIso(first)],
        ['Rolling back v42 to v41', cho.id, tsIso(second)],
        ['Rollback done, errors dropping', ana.id, tsIso(reply)],
      ]);
      expect(messages[0]!.permalink).toBe(`https://emulated.slack.com/archives/${channel}/p${first.replace('.', '')}`);
      expect(messages[2]!.permalink).toContain(`thread_ts=${second}`);
      expect(entries.map((e) => e.kind)).toEqual([
        'declared',
        'message',
        'message',
        'message',
        'severity',
        'status',
        'role',
        'note',
        'resolved',
      ]);
      expect(entries.find((e) => e.kind === 'severity')!.text).toContain('from P2 to P1');
      expect(entries.find((e) => e.kind === 'note')!.text).toBe('Paged the payments team');
      expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
      const stored = await h.store.getIncident(incident.id);
      expect(stored).toMatchObject({ severity: 'P1', status: 'resolved', roles: { lead: ben.id } });
      expect(h.slack.workspace.findMessage(channel, first)!.reactions.get('memo')).toEqual(
        new Set([h.slack.workspace.botUserId]),
      );
    });

    it('declares through the modal when no title is given', async () => {
      await start();
      const general = h.people.ana.createChannel('general');

      await h.people.ana.slash('/incident', 'declare', general.id);
      await h.people.ana.submitView({
        title: { title: { value: 'Search is down' } },
        severity: { severity: { selected_option: { value: 'P1' } } },
        summary: { summary: { value: 'No results for anyone' } },
        services: { services: { value: 'search, api' } },
      });

      const incident = await eventually(async () => {
        const [i] = await h.store.listIncidents({});
        expect(i?.summaryTs).toBeTruthy();
        return i!;
      });
      expect(incident).toMatchObject({
        title: 'Search is down',
        severity: 'P1',
        summary: 'No results for anyone',
        services: ['search', 'api'],
      });
      const channel = h.slack.workspace.channels.get(incident.channelId!)!;
      expect(channel.name).toMatch(/^inc-\d{4}-\d{2}-\d{2}-search-is-down$/);
      expect(channel.members.has(h.people.ana.id)).toBe(true);
      await eventually(() => expect(channel.pins.size).toBe(1));
    });
  });
}

function tsIso(ts: string): string {
  const [s, us] = ts.split('.');
  return new Date(Number(s) * 1000 + Math.floor(Number(us) / 1000)).toISOString();
}
