import { afterEach, describe, expect, it } from 'vitest';
import { JiraTracker } from '#adapters/trackers/jira-tracker.ts';
import { type FakeJira, startFakeJira } from '../fakes/fake-jira.ts';

const AUTH = { project: 'OPS', email: 'bot@example.com', token: 'jira-api-token-0123', pat: 'dc-pat-0123456789' };
let jira: FakeJira | undefined;
afterEach(async () => {
  await jira?.stop();
  jira = undefined;
});

const tracker = (over: Partial<ConstructorParameters<typeof JiraTracker>[0]> = {}) =>
  new JiraTracker({
    site: jira!.site,
    token: AUTH.token,
    user: AUTH.email,
    project: 'OPS',
    issueType: 'Task',
    labels: ['incident'],
    ...over,
  });

describe('JiraTracker against a local Jira', () => {
  it('opens a Task on Cloud (email + API token), sees it done, and moves it to Done', async () => {
    jira = await startFakeJira(AUTH);

    const issue = await tracker().createIssue({ title: 'Add an alert', body: 'From the RCA' });
    const before = await tracker().isClosed(issue.key);
    await tracker().closeIssue(issue.url!);

    expect(issue).toEqual({ key: 'OPS-1', url: `${jira.site}/browse/OPS-1` });
    expect(jira.issues.get('OPS-1')).toMatchObject({
      summary: 'Add an alert',
      description: 'From the RCA',
      labels: ['incident'],
    });
    expect(before).toBe(false);
    expect(jira.issues.get('OPS-1')!.status).toBe('Done');
    expect(await tracker().isClosed('OPS-1')).toBe(true);
    expect(await tracker().isClosed('OPS-99')).toBeNull();
    expect(await tracker().isClosed('acme/ops#1')).toBeNull();
  });

  it('uses a Data Center personal access token as a bearer token when no user is given', async () => {
    jira = await startFakeJira(AUTH);

    const issue = await tracker({ user: undefined, token: AUTH.pat }).createIssue({
      title: 'Drain the queue',
      body: '',
    });

    expect(issue.key).toBe('OPS-1');
  });

  it('says what to fix when Jira refuses: the token, the project or the issue type', async () => {
    jira = await startFakeJira(AUTH);

    await expect(tracker({ token: 'wrong-token-000' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'Jira refused ACTIONS_TRACKER_USER (bot@example.com) with the API token in ACTIONS_TRACKER_TOKEN (Client must be authenticated to access this resource.)',
    );
    await expect(tracker({ project: 'NOPE' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'Jira refused the issue for project NOPE (project: valid project is required): check actions.tracker.project',
    );
    await expect(tracker({ issueType: 'Story' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'issuetype: Specify a valid issue type',
    );
  });
});
