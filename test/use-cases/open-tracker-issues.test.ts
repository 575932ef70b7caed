import { describe, expect, it } from 'vitest';
import { itemKey } from '#domain/plan-reminders.ts';
import type { TrackerDeps } from '#use-cases/deps.ts';
import { openTrackerIssues } from '#use-cases/open-tracker-issues.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildIncident } from '../helpers/build-incident.ts';

const PATH = 'RCAs/2030-04-07-checkout-latency.md';
const source = `## Action Items\n\n| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n| P1 | Add an alert | <@UBOB> | 2030-04-10 |\n| P2 | ~~Old item~~ | <@UCAT> | 2030-04-01 |\n| P3 | Fix OPS-77 flakiness | <@UCAT> | 2030-04-20 |\n`;

function arrange(config = {}) {
  const bed = buildDeps({ tracker: true, config });
  return { bed, tracker: bed.deps.tracker as TrackerDeps };
}

describe('openTrackerIssues', () => {
  it('opens an issue for each open item without a ticket, writes it in, and remembers it', async () => {
    const { bed, tracker } = arrange({ rca: { webUrl: 'https://git.example.com/blob/{branch}/{path}' } });

    const written = await openTrackerIssues(bed.deps, tracker, buildIncident(), PATH, source);

    expect(written.created).toEqual([{ key: 'OPS-1', url: 'https://jira.example.com/browse/OPS-1' }]);
    expect(written.problem).toBeNull();
    expect(written.text).toContain('OPS-1');
    expect(bed.tracker.issues.get('OPS-1')).toMatchObject({
      title: 'Add an alert',
      body: expect.stringContaining(`https://git.example.com/blob/main/${PATH}`),
    });
    expect(await bed.links.get(itemKey(PATH, 'Add an alert'))).toMatchObject({ key: 'OPS-1' });
  });

  it('opens an issue of its own for a second item with the same text', async () => {
    const { bed, tracker } = arrange();
    const twice = source.replace('Fix OPS-77 flakiness', 'Add an alert');

    const written = await openTrackerIssues(bed.deps, tracker, buildIncident(), PATH, twice);

    expect(written.created.map((issue) => issue.key)).toEqual(['OPS-1', 'OPS-2']);
    const rows = written.text.split('\n').filter((line) => line.includes('Add an alert'));
    expect([rows[0]!.includes('OPS-1'), rows[1]!.includes('OPS-2')]).toEqual([true, true]);
  });

  it('writes an issue remembered from an earlier try without opening another', async () => {
    const { bed, tracker } = arrange();
    await bed.links.put(itemKey(PATH, 'Add an alert'), { key: 'OPS-9', url: null }, '2030-04-07T09:00:00.000Z');

    const written = await openTrackerIssues(bed.deps, tracker, buildIncident(), PATH, source);

    expect(written.created).toEqual([]);
    expect(written.text).toContain('OPS-9');
    expect(bed.tracker.issues.size).toBe(0);
  });

  it('stops at a tracker refusal and says what to do, leaving the text as far as it got', async () => {
    const { bed, tracker } = arrange();
    bed.tracker.refuse = 'Jira refused the token: make a new one.';

    const written = await openTrackerIssues(bed.deps, tracker, buildIncident(), PATH, source);

    expect(written).toEqual({
      text: source,
      created: [],
      problem: 'Jira refused the token: make a new one. The action items left are tried again on the next draft.',
    });
  });
});
