import { afterEach, describe, expect, it } from 'vitest';
import { SetupError } from '#src/main.ts';
import { type GithubFake, startGithubFake } from '../fakes/github-fake.ts';
import { type GitlabFake, startGitlabFake } from '../fakes/gitlab-fake.ts';
import { declareFromNewChannel, eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git, remoteFile } from '../helpers/git-repos.ts';

/** Issue 11 §2: drafts on a review branch open a real pull (merge) request, against the local fakes. */
describe('RCA reviews through the bot', () => {
  let h: Harness | undefined;
  let github: GithubFake | undefined;
  let gitlab: GitlabFake | undefined;
  afterEach(async () => {
    await h?.stop();
    await github?.close();
    await gitlab?.close();
    h = github = gitlab = undefined;
  });

  const messages = (channelId: string) => h!.slack.workspace.channels.get(channelId)!.messages.map((m) => m.text);

  it('opens a pull request on resolve, updates it on a redraft, and tells the channel when it is merged', async () => {
    const bare = bareRemote();
    github = await startGithubFake({
      repositories: ['acme/postmortems'],
      tokens: { 'ghp-bot-token-1234': 'write' },
      collaborators: ['ana-gh', 'sre-lead'],
      branchExists: (_repo, branch) => git(bare, 'branch', '--list', branch).trim() !== '',
    });
    let announcements = '';
    h = await startHarness({
      // RCA_REPO goes in with the rest of `rca` (the harness's rcaRepo would replace configFor's `rca`).
      env: { RCA_REVIEW_TOKEN: 'ghp-bot-token-1234', RCA_REVIEW_API_URL: github.apiUrl },
      configFor: (slack, people) => {
        announcements = slack.workspace.createChannel('incidents', slack.workspace.botUserId).id;
        return {
          incident: { announcementsChannel: announcements },
          rca: {
            repo: bare,
            strategy: 'branch',
            review: {
              provider: 'github',
              repository: 'acme/postmortems',
              people: { [people.ana.user.id]: 'ana-gh' },
              reviewers: ['sre-lead'],
              labels: ['rca', 'needs-review'],
            },
          },
        };
      },
    });
    const incident = await declareFromNewChannel(h, 'declare sev2 Checkout errors');
    const channel = incident.channelId!;

    await h.people.ana.ask('/incident', 'resolve Rolled back v42', channel);

    const path = await rcaPathOf(h, incident.id);
    const branch = `rca/${path.split('/').pop()!.replace(/\.md$/, '')}`;
    const posted = await eventually(() => {
      const text = messages(channel).find((t) => t.startsWith('📝 RCA draft'));
      expect(text).toContain('pull request <https://github.com/acme/postmortems/pull/1|#1>');
      return text!;
    }, 30_000);
    const pull = github.pulls('acme/postmortems')[0]!;
    expect(pull).toMatchObject({ head: branch, base: 'main', labels: ['rca', 'needs-review'] });
    expect(pull.title).toBe(`${incident.declaredAt.slice(0, 10)} - Checkout errors`);
    expect(pull.requestedReviewers.sort()).toEqual(['ana-gh', 'sre-lead']);
    expect(pull.body).toMatch(
      /## Summary[\s\S]*## Metrics[\s\S]*Time to resolve: \d+ min[\s\S]*## Still to fill in[\s\S]*- \[ \] Impact/,
    );
    expect(posted).toMatch(/^📝 RCA draft committed/);
    expect(remoteFile(bare, path, branch)).toContain('Checkout errors');
    await eventually(() =>
      expect(
        messages(announcements).some((t) => t.includes('in review: <https://github.com/acme/postmortems/pull/1|#1>')),
      ).toBe(true),
    );

    await h.people.ana.ask('/incident', 'note Root cause was a stale feature flag', channel);
    await h.people.ana.ask('/incident', 'rca', channel);
    await eventually(
      () => expect(messages(channel).some((t) => t.includes('Updated pull request'))).toBe(true),
      15_000,
    );
    expect(github.pulls('acme/postmortems')).toHaveLength(1);

    github.merge('acme/postmortems', 1);
    await h.bot.runReminders();
    await h.bot.runReminders();

    const merged = messages(channel).filter((t) => t.startsWith('✅ The RCA pull request was merged'));
    expect(merged).toHaveLength(1);
    expect(h.logs.join('')).not.toContain('ghp-bot-token-1234');
  });

  it('opens a merge request on GitLab', async () => {
    const bare = bareRemote();
    gitlab = await startGitlabFake({ projects: ['sre/postmortems'], tokens: { 'glpat-bot-token': 'api' } });
    h = await startHarness({
      rcaRepo: bare,
      env: { RCA_REVIEW_TOKEN: 'glpat-bot-token', RCA_REVIEW_API_URL: gitlab.apiUrl },
      config: { rca: { strategy: 'branch', review: { provider: 'gitlab', repository: 'sre/postmortems' } } },
    });
    const incident = await declareFromNewChannel(h, 'declare sev3 Search slow');

    await h.people.ana.ask('/incident', 'resolve Reindexed', incident.channelId!);

    await eventually(
      () =>
        expect(messages(incident.channelId!).find((t) => t.startsWith('📝 RCA draft'))).toContain(
          'merge request <https://gitlab.example.test/sre/postmortems/-/merge_requests/1|!1>',
        ),
      15_000,
    );
    expect(gitlab.mergeRequests('sre/postmortems')[0]).toMatchObject({ state: 'opened', labels: ['rca'] });
  });

  it('tells the channel what to do when the token is refused, and keeps the draft', async () => {
    const bare = bareRemote();
    github = await startGithubFake({ repositories: ['acme/postmortems'], tokens: { 'ghp-real': 'write' } });
    h = await startHarness({
      rcaRepo: bare,
      env: { RCA_REVIEW_TOKEN: 'ghp-revoked-0000', RCA_REVIEW_API_URL: github.apiUrl },
      config: { rca: { strategy: 'branch', review: { provider: 'github', repository: 'acme/postmortems' } } },
    });
    const incident = await declareFromNewChannel(h, 'declare sev3 Queue backlog');

    await h.people.ana.ask('/incident', 'resolve Drained', incident.channelId!);

    const text = await eventually(() => {
      const found = messages(incident.channelId!).find((t) => t.startsWith('📝 RCA draft'));
      expect(found).toBeTruthy();
      return found!;
    }, 30_000);
    expect(text).toMatch(/GitHub refused RCA_REVIEW_TOKEN .*401 Bad credentials.*pull_requests: write/);
    expect(text).not.toContain('ghp-revoked-0000');
    const path = await rcaPathOf(h, incident.id);
    expect(remoteFile(bare, path, `rca/${path.split('/').pop()!.replace(/\.md$/, '')}`)).toContain('Queue backlog');
  });

  it('refuses to start with a review provider and no token, saying what to set', async () => {
    const error = await startHarness({
      rcaRepo: bareRemote(),
      config: { rca: { strategy: 'branch', review: { provider: 'github', repository: 'acme/postmortems' } } },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(/^RCA_REVIEW_TOKEN is not set: a GitHub token .*pull_requests: write/);
  });
});
