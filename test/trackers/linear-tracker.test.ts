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
});
