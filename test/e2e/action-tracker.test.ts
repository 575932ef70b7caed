import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itemKey } from '#domain/plan-reminders.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { createActionTracker } from '#adapters/trackers/create-action-tracker.ts';
import { completeActionItem, type ItemRef } from '#use-cases/complete-action-item.ts';
import { RelatedRcas } from '#use-cases/related-rcas.ts';
import { declareFromNewChannel, eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git, humanClone, remoteFile, remoteLog, tempDir } from '../helpers/git-repos.ts';
import { testDeps } from '../helpers/test-deps.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';
import { type GithubFake, startGithubFake } from '../fakes/github-fake.ts';
import { type FakeJira, startFakeJira } from '../fakes/fake-jira.ts';
import { type FakeLinear, startFakeLinear } from '../fakes/fake-linear.ts';

const TOKEN = 'github_pat_test_0123456789abcdef';

/**
 * Ana presses Done on a reminder, handled by a second replica of the bot: its own clone of the RCA
 * repository, the same store and the same tracker settings as the running bot.
 */
async function doneFromAnotherReplica(h: Harness, bare: string, ref: ItemRef, by: string) {
  const repo = new SimpleGitRcaRepository({
    repo: bare,
    dataDir: tempDir(),
    branch: h.config.rca.branch,
    authorName: h.config.rca.authorName,
    authorEmail: h.config.rca.authorEmail,
  });
  await repo.prepare();
  const deps = testDeps({
    store: h.store,
    config: h.config,
    rca: {
      repo,
      related: new RelatedRcas(repo, h.config.rca.dirs),
      template: '',
      exclusive: (task) => h.store.withLock('rca-repository', task),
      review: null,
      privateRepo: null,
    },
    tracker: createActionTracker(h.config, h.secrets, h.store) ?? null,
  });
  return completeActionItem(deps, ref, by);
}

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(
    `action items as GitHub issues (${store})`,
    () => {
      let h: Harness | undefined;
      let github: GithubFake | undefined;
      afterEach(async () => {
        await h?.stop();
        await github?.close();
        h = undefined;
        github = undefined;
      });

      const start = async () => {
        github = await startGithubFake({ repositories: ['acme/ops'], tokens: { [TOKEN]: 'write' } });
        const pg = store === 'postgres' ? await freshPostgresSchema() : null;
        const bare = bareRemote();
        h = await startHarness({
          ...(pg ?? {}),
          rcaRepo: bare,
          env: { ACTIONS_TRACKER_TOKEN: TOKEN, ACTIONS_TRACKER_API_URL: github.apiUrl },
          config: { actions: { tracker: { provider: 'github', repository: 'acme/ops', labels: ['incident'] } } },
        });
        return { h, github, bare };
      };

      const draftSubject = (verb: 'Add' | 'Update', i: { title: string; severity: string; id: string }) =>
        `${verb} RCA draft: ${i.title} (${i.severity}, ${i.id})`;

      it('opens one issue per new action item on resolve, writes it into the Ticket column in the draft commit, and never twice', async () => {
        const { h, github, bare } = await start();
        const incident = await declareFromNewChannel(h, 'declare sev2 Checkout latency');
        const channel = incident.channelId!;
        await h.people.ana.ask('/incident', 'action Add an alert on p99 due:2030-05-01', channel);
        await h.people.ana.ask('/incident', 'action Fix retries, see OPS-7 due:2030-05-02', channel);

        await h.people.ana.ask('/incident', 'resolve Rolled back', channel);
        const path = await rcaPathOf(h, incident.id);
        await eventually(() => expect(github.issues('acme/ops').size).toBe(1), 30_000);
        const text = await eventually(() => {
          const t = remoteFile(bare, path) ?? '';
          expect(t).toContain('[acme/ops#1](https://github.com/acme/ops/issues/1)');
          return t;
        });
        const commits = remoteLog(bare);
        await h.people.ana.ask('/incident', 'rca', channel);
        await eventually(() =>
          expect(h.slack.workspace.channels.get(channel)!.messages.map((m) => m.text)).toContainEqual(
            expect.stringContaining('acme/ops#1'),
          ),
        );

        expect(commits).toEqual([draftSubject('Add', incident), 'seed']);
        expect(github.issues('acme/ops').get(1)).toMatchObject({
          title: 'Add an alert on p99',
          labels: ['incident'],
          state: 'open',
        });
        expect(github.issues('acme/ops').get(1)!.body).toContain('Checkout latency');
        expect(github.issues('acme/ops').get(1)!.body).toContain(path);
        expect(text).toMatch(/\| Ticket \|/);
        expect(parseRca(text).actionItems.map((i) => i.action)).toEqual([
          'Add an alert on p99',
          'Fix retries, see OPS-7',
        ]);
        expect(github.issues('acme/ops').size).toBe(1);
      });

      it('opens an issue for an action added after resolve, and re-writes a lost ticket from the store instead of opening another', async () => {
        const { h, github, bare } = await start();
        const incident = await declareFromNewChannel(h, 'declare sev3 Cache misses');
        const channel = incident.channelId!;
        await h.people.ana.ask('/incident', 'resolve Fixed', channel);
        const path = await rcaPathOf(h, incident.id);
        await eventually(() => expect(remoteFile(bare, path)).not.toBeNull());

        await h.people.ana.ask('/incident', 'action Warm the cache on deploy due:2030-05-01', channel);
        await eventually(() => expect(remoteFile(bare, path)).toContain('acme/ops#1'), 30_000);
        const afterAction = remoteLog(bare);
        const human = humanClone(bare);
        writeFileSync(join(human, path), remoteFile(bare, path)!.replace(/\[acme\/ops#1\]\([^)]*\)/, ''));
        git(human, 'commit', '-qam', 'Lose the ticket');
        git(human, 'push', '-q', 'origin', 'main');
        await h.people.ana.ask('/incident', 'rca', channel);
        await eventually(() => expect(remoteLog(bare)[0]).toBe(draftSubject('Update', incident)), 30_000);

        expect(afterAction).toEqual([draftSubject('Update', incident), draftSubject('Add', incident), 'seed']);
        expect(remoteLog(bare).slice(0, 2)).toEqual([draftSubject('Update', incident), 'Lose the ticket']);
        expect(remoteFile(bare, path)).toContain('[acme/ops#1](https://github.com/acme/ops/issues/1)');
        expect(github.issues('acme/ops').size).toBe(1);
      });

      it('commits the draft without tickets when the tracker refuses, says why, and opens them with the next draft', async () => {
        const { h, github, bare } = await start();
        const incident = await declareFromNewChannel(h, 'declare sev2 Disk full');
        const channel = incident.channelId!;
        await h.people.ana.ask('/incident', 'action Alert on disk usage due:2030-05-01', channel);
        github.setIssuesDisabled(true);

        await h.people.ana.ask('/incident', 'resolve Cleaned up', channel);
        const path = await rcaPathOf(h, incident.id);
        const messages = () => h.slack.workspace.channels.get(channel)!.messages.map((m) => m.text);
        await eventually(() => expect(messages()).toContainEqual(expect.stringContaining('Issues are turned off')));
        const refused = { log: remoteLog(bare), text: remoteFile(bare, path) };
        github.setIssuesDisabled(false);
        await h.people.ana.ask('/incident', 'rca', channel);
        await eventually(() => expect(remoteFile(bare, path)).toContain('acme/ops#1'), 30_000);

        expect(refused.log).toEqual([draftSubject('Add', incident), 'seed']);
        expect(parseRca(refused.text!).actionItems.map((i) => i.action)).toEqual(['Alert on disk usage']);
        expect(refused.text).not.toMatch(/\| Ticket \|/);
        expect(remoteLog(bare)).toEqual([draftSubject('Update', incident), draftSubject('Add', incident), 'seed']);
        expect(github.issues('acme/ops').size).toBe(1);
      });

      it('marks an item done when its issue is closed, and closes the issue when Done is pressed', async () => {
        const { h, github, bare } = await start();
        const incident = await declareFromNewChannel(h, 'declare sev2 Search is slow');
        const channel = incident.channelId!;
        await h.people.ana.ask('/incident', 'action Add an alert due:2030-05-01', channel);
        await h.people.ana.ask('/incident', 'action Drain the queue due:2030-05-02', channel);
        await h.people.ana.ask('/incident', 'resolve Fixed', channel);
        const path = await rcaPathOf(h, incident.id);
        await eventually(() => expect(github.issues('acme/ops').size).toBe(2), 30_000);
        await eventually(() => expect(remoteFile(bare, path)).toContain('acme/ops#2'));

        github.closeIssue('acme/ops', 1);
        await h.bot.runReminders();
        const done = await doneFromAnotherReplica(
          h,
          bare,
          { file: path, key: itemKey(path, 'Drain the queue') },
          h.people.ana.id,
        );

        const items = parseRca(remoteFile(bare, path)!).actionItems;
        expect(items.map((i) => [i.action, i.done])).toEqual([
          ['Add an alert', true],
          ['Drain the queue', true],
        ]);
        expect(done).toMatchObject({
          ok: true,
          value: expect.stringContaining('Closed https://github.com/acme/ops/issues/2 in GitHub Issues.'),
        });
        expect(github.issues('acme/ops').get(2)).toMatchObject({ state: 'closed', state_reason: 'completed' });
      });
    },
  );
}

describe('action items as Jira issues (sqlite)', () => {
  let h: Harness | undefined;
  let jira: FakeJira | undefined;
  afterEach(async () => {
    await h?.stop();
    await jira?.stop();
  });

  it('opens a Jira issue on resolve, marks the item done once the issue is done, and Done moves the other to Done', async () => {
    const bare = bareRemote();
    jira = await startFakeJira({
      project: 'OPS',
      email: 'bot@example.com',
      token: 'jira-api-token-0123',
      pat: 'unused-pat',
    });
    h = await startHarness({
      env: {
        ACTIONS_TRACKER_TOKEN: 'jira-api-token-0123',
        ACTIONS_TRACKER_USER: 'bot@example.com',
        ACTIONS_TRACKER_API_URL: jira.site,
      },
      rcaRepo: bare,
      config: { actions: { tracker: { provider: 'jira', project: 'OPS' } } },
    });
    const incident = await declareFromNewChannel(h, 'declare sev2 Queue backlog');
    const channel = incident.channelId!;
    await h.people.ana.ask('/incident', 'action Add an alert due:2030-05-01', channel);
    await h.people.ana.ask('/incident', 'action Drain the queue due:2030-05-02', channel);
    await h.people.ana.ask('/incident', 'resolve Fixed', channel);
    const path = await rcaPathOf(h, incident.id);
    const read = async () => remoteFile(bare, path)!;
    await eventually(() => expect(remoteFile(bare, path)).toContain(`[OPS-2](${jira!.site}/browse/OPS-2)`), 30_000);
    const commits = remoteLog(bare);

    jira.finish('OPS-1');
    await h.bot.runReminders();
    const done = await doneFromAnotherReplica(
      h,
      bare,
      { file: path, key: itemKey(path, 'Drain the queue') },
      h.people.ana.id,
    );

    expect(commits).toEqual([`Add RCA draft: ${incident.title} (${incident.severity}, ${incident.id})`, 'seed']);
    expect(jira.issues.get('OPS-1')).toMatchObject({ summary: 'Add an alert', issueType: 'Task' });
    expect(jira.issues.get('OPS-1')!.description).toContain('Queue backlog');
    expect(parseRca(await read()).actionItems.map((i) => [i.action, i.done])).toEqual([
      ['Add an alert', true],
      ['Drain the queue', true],
    ]);
    expect(done.ok).toBe(true);
    expect(jira.issues.get('OPS-2')!.status).toBe('Done');
  });
});

describe('action items as Linear issues (sqlite)', () => {
  let h: Harness | undefined;
  let linear: FakeLinear | undefined;
  afterEach(async () => {
    await h?.stop();
    await linear?.stop();
  });

  it('opens a Linear issue on resolve, marks the item done once it is completed, and Done completes the other', async () => {
    linear = await startFakeLinear({ apiKey: 'lin_api_e2e_0123456789', teamKey: 'ENG' });
    const bare = bareRemote();
    h = await startHarness({
      rcaRepo: bare,
      env: { ACTIONS_TRACKER_TOKEN: 'lin_api_e2e_0123456789', ACTIONS_TRACKER_API_URL: linear.apiUrl },
      config: { actions: { tracker: { provider: 'linear', project: 'ENG' } } },
    });
    const incident = await declareFromNewChannel(h, 'declare sev2 Login errors');
    const channel = incident.channelId!;
    await h.people.ana.ask('/incident', 'action Add an alert due:2030-05-01', channel);
    await h.people.ana.ask('/incident', 'action Rotate the keys due:2030-05-02', channel);
    await h.people.ana.ask('/incident', 'resolve Fixed', channel);
    const path = await rcaPathOf(h, incident.id);
    const read = async () => remoteFile(bare, path)!;
    await eventually(
      () => expect(remoteFile(bare, path)).toContain('[ENG-2](https://linear.app/acme/issue/ENG-2)'),
      15_000,
    );
    const commits = remoteLog(bare);

    linear.complete('ENG-1');
    await h.bot.runReminders();
    const done = await doneFromAnotherReplica(
      h,
      bare,
      { file: path, key: itemKey(path, 'Rotate the keys') },
      h.people.ana.id,
    );

    expect(commits).toEqual([`Add RCA draft: ${incident.title} (${incident.severity}, ${incident.id})`, 'seed']);
    expect(linear.byIdentifier('ENG-1')!.description).toContain('Login errors');
    expect(parseRca(await read()).actionItems.map((i) => [i.action, i.done])).toEqual([
      ['Add an alert', true],
      ['Rotate the keys', true],
    ]);
    expect(done.ok).toBe(true);
    expect(linear.byIdentifier('ENG-2')!.stateId).toBe('state-done');
  });
});
