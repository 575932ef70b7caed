import { afterEach, describe, expect, it } from 'vitest';
import { KyselyReviewRecords } from '#adapters/store/kysely-review-records.ts';
import { type GithubFake, startGithubFake } from '../fakes/github-fake.ts';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote } from '../helpers/git-repos.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

const TOKEN = 'ghp-bot-token-5678';
const MERGED = '✅ The RCA pull request was merged';

/** A merged RCA review whose incident channel was archived meanwhile: one review's failure stops no other. */
for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(
    `RCA reviews and archived channels (${store})`,
    () => {
      let h: Harness | undefined;
      let github: GithubFake | undefined;
      afterEach(async () => {
        await h?.stop();
        await github?.close();
        h = github = undefined;
      });

      const texts = (channelId: string) => h!.slack.workspace.channels.get(channelId)!.messages.map((m) => m.text);

      it('moves the archived one on without a notice, and still tells the next channel in the same pass', async () => {
        const bare = bareRemote();
        github = await startGithubFake({ repositories: ['acme/postmortems'], tokens: { [TOKEN]: 'write' } });
        h = await startHarness({
          ...((store === 'postgres' ? await freshPostgresSchema() : null) ?? {}),
          env: { RCA_REVIEW_TOKEN: TOKEN, RCA_REVIEW_API_URL: github.apiUrl },
          config: {
            rca: {
              repo: bare,
              strategy: 'branch',
              review: { provider: 'github', repository: 'acme/postmortems', checkEvery: '1h' },
            },
          },
        });
        const bot = h;
        const archived = await declareFromNewChannel(bot, 'declare sev2 Checkout errors');
        await bot.people.ana.ask('/incident', 'resolve Rolled back v42', archived.channelId!);
        await eventually(() => expect(github!.pulls('acme/postmortems')).toHaveLength(1), 30_000);
        const live = await declareFromNewChannel(bot, 'declare sev3 Queue backlog');
        await bot.people.ana.ask('/incident', 'resolve Drained', live.channelId!);
        await eventually(() => expect(github!.pulls('acme/postmortems')).toHaveLength(2), 30_000);
        bot.slack.workspace.channels.get(archived.channelId!)!.isArchived = true;
        github.merge('acme/postmortems', 1);
        github.merge('acme/postmortems', 2);

        // One pass of the review check (the reminder run ends with one; the timer's is an hour away).
        await bot.bot.runReminders();

        expect(texts(live.channelId!).filter((t) => t.startsWith(MERGED))).toHaveLength(1);
        expect(texts(archived.channelId!).filter((t) => t.startsWith(MERGED))).toEqual([]);
        const records = new KyselyReviewRecords(bot.store.db);
        expect((await records.get(archived.id))?.state).toBe('merged');
        expect((await records.get(live.id))?.state).toBe('merged');
        expect(bot.logs.join('')).toContain('the incident channel is archived');
        expect(bot.logs.join('')).not.toContain('checking RCA reviews failed');

        // Nothing is tried again in the archived channel.
        const callsThere = () => bot.slack.calls.filter((c) => c.args['channel'] === archived.channelId).length;
        const before = callsThere();
        await bot.bot.runReminders();
        expect(callsThere()).toBe(before);
      });
    },
  );
}
