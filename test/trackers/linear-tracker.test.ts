import { afterEach, describe, expect, it } from 'vitest';
import { LinearTracker } from '#adapters/trackers/linear-tracker.ts';
import { type FakeLinear, startFakeLinear } from '../fakes/fake-linear.ts';

const KEY = 'lin_api_test_0123456789';
let linear: FakeLinear | undefined;
afterEach(async () => {
  await linear?.stop();
  linear = undefined;
});

const tracker = (over: Partial<ConstructorParameters<typeof LinearTracker>[0]> = {}) =>
  new LinearTracker({ apiKey: KEY, apiUrl: linear!.apiUrl, team: 'ENG', ...over });

describe('LinearTracker against a local Linear', () => {
  it('opens an issue in the team, sees it completed, and moves it to the completed state', async () => {
    linear = await startFakeLinear({ apiKey: KEY, teamKey: 'ENG' });

    const issue = await tracker().createIssue({ title: 'Add an alert', body: 'From the RCA' });
    const before = await tracker().isClosed(issue.key);
    await tracker().closeIssue(issue.url!);

    expect(issue).toEqual({ key: 'ENG-1', url: 'https://linear.app/acme/issue/ENG-1' });
    expect(linear.byIdentifier('ENG-1')).toMatchObject({ title: 'Add an alert', description: 'From the RCA' });
    expect(before).toBe(false);
    expect(linear.byIdentifier('ENG-1')!.stateId).toBe('state-done');
    expect(await tracker().isClosed('ENG-1')).toBe(true);
    expect(await tracker().isClosed('ENG-99')).toBeNull();
  });

  it('names the key or the team to fix when Linear refuses', async () => {
    linear = await startFakeLinear({ apiKey: KEY, teamKey: 'ENG' });

    await expect(tracker({ apiKey: 'lin_api_wrong_000000' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'Linear refused ACTIONS_TRACKER_TOKEN',
    );
    await expect(tracker({ team: 'OPS' }).createIssue({ title: 't', body: '' })).rejects.toThrow(
      'Linear has no team with the key OPS that ACTIONS_TRACKER_TOKEN can see',
    );
  });

  it('puts the labels on by id, found by name in the team and the workspace, through every page', async () => {
    linear = await startFakeLinear({
      apiKey: KEY,
      teamKey: 'ENG',
      pageSize: 2,
      labels: [
        { id: 'label-group', name: 'Incident', teamId: null, isGroup: true },
        { id: 'label-other-team', name: 'RCA', teamId: 'team-2' },
        { id: 'label-rca', name: 'rca', teamId: 'team-1' },
        { id: 'label-followup', name: 'Follow-up', teamId: null },
        { id: 'label-incident', name: 'incident', teamId: 'team-1' },
      ],
    });
    const labelled = tracker({ labels: ['RCA', 'follow-up', 'Incident'] });

    const first = await labelled.createIssue({ title: 'Add an alert', body: '' });
    await labelled.createIssue({ title: 'Page the owner', body: '' });

    expect(linear.byIdentifier(first.key)?.labelIds).toEqual(['label-rca', 'label-followup', 'label-incident']);
    expect(linear.byIdentifier('ENG-2')?.labelIds).toEqual(['label-rca', 'label-followup', 'label-incident']);
    // Two pages for the four candidates, and no second look-up once every label was found.
    expect(linear.labelQueries.map((q) => q.after ?? null)).toEqual([null, 'label-rca']);
  });

  it('opens no issue when a label does not exist in Linear, and says which and where to add it', async () => {
    linear = await startFakeLinear({
      apiKey: KEY,
      teamKey: 'ENG',
      labels: [{ id: 'label-rca', name: 'rca', teamId: 'team-1' }],
    });

    const created = tracker({ labels: ['rca', 'postmortem'] }).createIssue({ title: 'Add an alert', body: '' });

    await expect(created).rejects.toThrow(
      'Linear has no label "postmortem" in team ENG or the workspace, so I opened no issue: create it in Linear (team ENG → Settings → Labels), or remove it from actions.tracker.labels.',
    );
    expect(linear.issues.size).toBe(0);
  });
});
