import { afterEach, describe, expect, it } from 'vitest';
import { KyselyMessageLog } from '#adapters/store/kysely-message-log.ts';
import { declareFromNewChannel, eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

/** The bot's message log, read from its store. */
const messageLog = (h: Harness) => new KyselyMessageLog(h.store.kind, h.store.db);

const LOOKUPS = ['conversations.replies', 'conversations.history', 'chat.getPermalink', 'users.info'];

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(
    `pins completed from the message log (${store})`,
    () => {
      let h: Harness;
      afterEach(async () => {
        await h?.stop();
      });

      /** The bot on this store (with `config`), an incident declared, and Ben in its channel. */
      async function startWithIncident(declare: string, config: Record<string, unknown> = {}) {
        const pg = store === 'postgres' ? await freshPostgresSchema() : null;
        h = await startHarness({ ...(pg ?? {}), config });
        const incident = await declareFromNewChannel(h, declare);
        const channel = incident.channelId!;
        h.people.ben.join(channel);
        return { incident, channel, ...h.people };
      }

      const lookups = (from: number) =>
        h.slack.calls
          .slice(from)
          .filter((c) => LOOKUPS.includes(c.method))
          .map((c) => c.method);

      it('completes a pinned message, a thread reply and an edit without asking Slack, and only an unlogged one costs a fetch', async () => {
        const { incident, channel, ana, ben } = await startWithIncident('declare sev2 Checkout latency');
        // The first pin of each author asks Slack for the name (once, then kept in the store).
        const first = await ben.post(channel, 'Error rate is 40%');
        const reply = await ana.post(channel, 'Rolled back', first);
        const edited = await ben.post(channel, 'Rolling back v42');
        await ben.edit(channel, edited, 'Rolling back v42 to v41');
        const warm = h.slack.calls.length;
        await ana.react(channel, first, 'pushpin');
        await eventually(async () =>
          expect((await h.store.getTimelineEntry(`msg:${channel}:${first}`))?.authorName).toBe('ben'),
        );
        expect(lookups(warm)).toEqual(['users.info']);

        const before = h.slack.calls.length;
        await ben.react(channel, reply, 'pushpin');
        await ana.react(channel, edited, 'pushpin');
        const entries = await eventually(async () => {
          const list = (await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message');
          expect(list.filter((e) => !e.pending && e.authorName !== null)).toHaveLength(3);
          return list;
        });
        expect(entries.map((e) => [e.text, e.authorId, e.authorName])).toEqual([
          ['Error rate is 40%', ben.id, 'ben'],
          ['Rolled back', ana.id, 'ana'],
          ['Rolling back v42 to v41', ben.id, 'ben'],
        ]);
        // Ana's name is the one new author: one users.info; the texts, authors and times came from the log.
        expect(lookups(before)).toEqual(['users.info']);
        await eventually(() =>
          expect(h.slack.workspace.findMessage(channel, edited)!.reactions.get('memo')).toBeTruthy(),
        );

        // A message the bot never heard (lost to an outage): the log does not hold it, Slack is asked.
        const lost = h.slack.workspace.nextTs();
        h.slack.workspace.channels
          .get(channel)!
          .messages.push({ ts: lost, user: ben.id, text: 'Missed', reactions: new Map(), replyCount: 0 });
        const beforeLost = h.slack.calls.length;
        await ana.react(channel, lost, 'pushpin');
        await eventually(async () =>
          expect((await h.store.getTimelineEntry(`msg:${channel}:${lost}`))?.text).toBe('Missed'),
        );
        expect(lookups(beforeLost)).toEqual(['conversations.replies']);
      });

      it('has a pinned entry complete by the time Slack has its ack, confirms it after, and an un-react right after the pin leaves nothing', async () => {
        const { incident, channel, ana, ben } = await startWithIncident('declare sev2 Payments down');
        const ts = await ben.post(channel, 'Latency is back to normal');
        const memoOn = (at: string) =>
          h.slack.workspace.channels
            .get(channel)!
            .messages.find((m) => m.ts === at)
            ?.reactions.get('memo')
            ?.has(h.slack.workspace.botUserId) ?? false;

        await ana.react(channel, ts, 'pushpin'); // resolves once the bot has acked
        expect(await h.store.getTimelineEntry(`msg:${channel}:${ts}`)).toMatchObject({
          text: 'Latency is back to normal',
          authorId: ben.id,
          pending: false,
        });
        await eventually(() => expect(memoOn(ts)).toBe(true));

        const quick = await ben.post(channel, 'Never mind');
        await ana.react(channel, quick, 'pushpin');
        await ana.unreact(channel, quick, 'pushpin');
        await eventually(async () => expect(await h.store.pendingEvents()).toEqual([]));
        expect(await h.store.getTimelineEntry(`msg:${channel}:${quick}`)).toBeNull();
        await eventually(() => expect(memoOn(quick)).toBe(false));
        expect((await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message')).toHaveLength(1);
      });

      it('fetches the permalinks when the RCA is drafted, and trims the channel log at the commit when told to keep none', async () => {
        const { incident, channel } = await startWithIncident('declare sev2 Disk full', {
          timeline: { keepMessagesDays: 0 },
        });
        const first = await h.people.ana.post(channel, 'Disk at 100%');
        await h.people.ana.react(channel, first, 'pushpin');
        const key = `msg:${channel}:${first}`;
        await eventually(async () => expect((await h.store.getTimelineEntry(key))?.pending).toBe(false));
        expect((await h.store.getTimelineEntry(key))?.permalink).toBeNull();
        expect(await messageLog(h).get(channel, first)).not.toBeNull();

        await h.people.ana.ask('/incident', 'resolve Cleaned up', channel);
        await rcaPathOf(h, incident.id);
        expect((await h.store.getTimelineEntry(key))?.permalink).toBe(
          `https://emulated.slack.com/archives/${channel}/p${first.replace('.', '')}`,
        );
        await eventually(async () => expect(await messageLog(h).get(channel, first)).toBeNull());
      });

      it('adds the replies of pinned threads on `/incident rca threads`, and nothing of threads nobody pinned', async () => {
        const { incident, channel, ana, ben } = await startWithIncident('declare sev2 Queue backlog');
        const parent = await ana.post(channel, 'Backlog at 2M');
        const first = await ben.post(channel, 'Consumers are stuck', parent);
        const second = await ana.post(channel, 'Restarted them', parent);
        const other = await ben.post(channel, 'Unrelated');
        await ana.post(channel, 'Not pinned either', other);
        await ana.react(channel, parent, 'pushpin');
        await eventually(async () =>
          expect((await h.store.getTimelineEntry(`msg:${channel}:${parent}`))?.pending).toBe(false),
        );

        expect(await ana.ask('/incident', 'rca threads', channel)).toContain('2 thread replies added');
        const entries = (await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message');
        expect(entries.map((e) => [e.key, e.text, e.authorId, e.pending])).toEqual([
          [`msg:${channel}:${parent}`, 'Backlog at 2M', ana.id, false],
          [`msg:${channel}:${first}`, 'Consumers are stuck', ben.id, false],
          [`msg:${channel}:${second}`, 'Restarted them', ana.id, false],
        ]);
        await rcaPathOf(h, incident.id);
        expect(await ana.ask('/incident', 'rca threads', channel)).toContain('0 thread replies added');
      });
    },
  );
}
