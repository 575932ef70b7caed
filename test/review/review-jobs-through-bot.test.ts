import { renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type GithubFake, startGithubFake } from '../fakes/github-fake.ts';
import { declareFromNewChannel, eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git } from '../helpers/git-repos.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

const TOKEN = 'ghp-bot-token-5678';
const PULL_1 = 'https://github.com/acme/postmortems/pull/1';

/** Issue 11: merges noticed on their own interval, the link in the pinned summary, reviews after a late push. */
for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(`the RCA review jobs (${store})`, () => {
    let h: Harness | undefined;
    let github: GithubFake | undefined;
    afterEach(async () => {
      await h?.stop();
      await github?.close();
      h = github = undefined;
    });

    const texts = (channelId: string) => h!.slack.workspace.channels.get(channelId)!.messages.map((m) => m.text);
    const summaryOf = (channelId: string, ts: string) =>
      JSON.stringify(h!.slack.workspace.channels.get(channelId)!.messages.find((m) => m.ts === ts)?.blocks ?? []);

    const start = async (bare: string, checkEvery: string) => {
      github = await startGithubFake({
        repositories: ['acme/postmortems'],
        tokens: { [TOKEN]: 'write' },
        branchExists: (_repo, branch) => {
          try {
            return git(bare, 'branch', '--list', branch).trim() !== '';
          } catch {
            return false;
          }
        },
      });
      const pg = store === 'postgres' ? await freshPostgresSchema() : null;
      h = await startHarness({
        ...(pg ?? {}),
        env: { RCA_REVIEW_TOKEN: TOKEN, RCA_REVIEW_API_URL: github.apiUrl },
        config: {
          rca: {
            repo: bare,
            strategy: 'branch',
            pushRetryMs: 1000,
            review: { provider: 'github', repository: 'acme/postmortems', checkEvery },
          },
        },
      });
      return h;
    };

    it('tells the channel of a merge within rca.review.checkEvery, once, and links the review in the pinned summary', async () => {
      const bare = bareRemote();
      const bot = await start(bare, '1s');
      const incident = await declareFromNewChannel(bot, 'declare sev2 Checkout errors');
      const channel = incident.channelId!;

      await bot.people.ana.ask('/incident', 'resolve Rolled back v42', channel);
      await eventually(() => expect(github!.pulls('acme/postmortems')).toHaveLength(1), 30_000);
      const summaryTs = (await bot.store.getIncident(incident.id))!.summaryTs!;
      await eventually(() => expect(summaryOf(channel, summaryTs)).toContain(`<${PULL_1}|pull request #1> (open)`));
      github!.merge('acme/postmortems', 1);

      await eventually(
        () => expect(texts(channel).filter((t) => t.startsWith('✅ The RCA pull request was merged'))).toHaveLength(1),
        5_000,
      );
      await new Promise((r) => setTimeout(r, 2_500));
      expect(texts(channel).filter((t) => t.startsWith('✅ The RCA pull request was merged'))).toHaveLength(1);
      expect(summaryOf(channel, summaryTs)).toContain(`<${PULL_1}|pull request #1> (merged)`);
    });

    it('opens the review once the push retry reaches the repository, and posts its link once', async () => {
      const bare = bareRemote();
      const bot = await start(bare, '10m');
      const incident = await declareFromNewChannel(bot, 'declare sev3 Queue backlog');
      const channel = incident.channelId!;
      renameSync(bare, `${bare}.offline`);

      await bot.people.ana.ask('/incident', 'resolve Drained', channel);
      const draft = await eventually(() => {
        const found = texts(channel).find((t) => t.startsWith('📝 RCA draft'));
        expect(found).toBeTruthy();
        return found!;
      }, 30_000);
      expect(draft).toContain('committed locally');
      expect(draft).toContain('The pull request opens once the branch is pushed');
      expect(github!.pulls('acme/postmortems')).toHaveLength(0);
      renameSync(`${bare}.offline`, bare);

      const path = await rcaPathOf(bot, incident.id);
      const branch = `rca/${path.split('/').pop()!.replace(/\.md$/, '')}`;
      await eventually(
        () =>
          expect(texts(channel).filter((t) => t.startsWith('🔍 The RCA draft reached the repository'))).toHaveLength(1),
        15_000,
      );
      await new Promise((r) => setTimeout(r, 2_500));

      expect(texts(channel).filter((t) => t.startsWith('🔍'))).toEqual([
        `🔍 The RCA draft reached the repository: opened pull request <${PULL_1}|#1>; review the draft there.`,
      ]);
      expect(github!.pulls('acme/postmortems')).toMatchObject([{ number: 1, head: branch, base: 'main' }]);
      expect(github!.pulls('acme/postmortems')[0]!.title).toContain('Queue backlog');
      const summaryTs = (await bot.store.getIncident(incident.id))!.summaryTs!;
      expect(summaryOf(channel, summaryTs)).toContain(`<${PULL_1}|pull request #1> (open)`);
    });
  });
}
