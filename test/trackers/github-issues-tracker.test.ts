import { afterEach, describe, expect, it } from 'vitest';
import { GithubIssuesTracker } from '#adapters/trackers/github-issues-tracker.ts';
import { type GithubFake, startGithubFake } from '../fakes/github-fake.ts';

const TOKEN = 'ghp_test_token_0123456789';
let github: GithubFake | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

const tracker = (over: Partial<ConstructorParameters<typeof GithubIssuesTracker>[0]> = {}) =>
  new GithubIssuesTracker({
    token: TOKEN,
    repository: 'acme/ops',
    apiUrl: github!.apiUrl,
    labels: ['incident'],
    ...over,
  });

describe('GithubIssuesTracker against a local GitHub', () => {
  it('opens an issue with the labels, reads whether it is closed, and closes it as completed', async () => {
    github = await startGithubFake({ repositories: ['acme/ops'], tokens: { [TOKEN]: 'write' } });

    const issue = await tracker().createIssue({ title: 'Add an alert', body: 'From the RCA' });
    const openBefore = await tracker().isClosed(issue.key);
    await tracker().closeIssue(issue.url!);

    expect(issue).toEqual({ key: 'acme/ops#1', url: 'https://github.com/acme/ops/issues/1' });
    expect(github.issues('acme/ops').get(1)).toMatchObject({
      title: 'Add an alert',
      body: 'From the RCA',
      labels: ['incident'],
    });
    expect(openBefore).toBe(false);
    expect(github.issues('acme/ops').get(1)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(await tracker().isClosed('acme/ops#1')).toBe(true);
    expect(await tracker().isClosed('OPS-12')).toBeNull();
    expect(await tracker().isClosed('acme/ops#99')).toBeNull();
  });

  it('says which token, permission or repository to fix when GitHub refuses', async () => {
    github = await startGithubFake({ repositories: ['acme/ops'], tokens: { [TOKEN]: 'write' } });

    await expect(tracker({ token: 'ghp_wrong_token_000000' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'GitHub refused ACTIONS_TRACKER_TOKEN (Bad credentials): create a token with "Issues: read and write" on acme/ops',
    );
    await expect(tracker({ repository: 'acme/nope' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'GitHub has no repository acme/nope that ACTIONS_TRACKER_TOKEN can see: check actions.tracker.repository',
    );
    await github.close();
    github = await startGithubFake({ repositories: ['acme/ops'], tokens: { [TOKEN]: 'write' }, issuesDisabled: true });
    await expect(tracker().createIssue({ title: 't', body: '' })).rejects.toThrow('Issues are turned off on acme/ops');
  });
});
