import { describe, expect, it } from 'vitest';
import { closeTrackerIssue } from '#use-cases/close-tracker-issue.ts';
import { buildDeps } from '../helpers/build-deps.ts';

const table = (ticket: string) =>
  `## Action Items\n\n| Action | Owner | Due | Ticket |\n|---|---|---|---|\n| ~~Add an alert~~ | bob | 2030-04-10 | ${ticket} |\n`;

describe('closeTrackerIssue', () => {
  it('closes the ticket in the row and says so', async () => {
    const bed = buildDeps({ tracker: true });
    await bed.tracker.createIssue({ title: 'Add an alert', body: '' });

    const said = await closeTrackerIssue(bed.deps, table('OPS-1'), 5);

    expect(said).toBe(' Closed OPS-1 in Jira.');
    expect(bed.tracker.issues.get('OPS-1')?.closed).toBe(true);
  });

  it('says nothing for a row without a ticket, or a ticket of another tracker', async () => {
    const bed = buildDeps({ tracker: true });

    expect(await closeTrackerIssue(bed.deps, table(''), 5)).toBe('');
    expect(await closeTrackerIssue(bed.deps, table('ABC-9'), 5)).toBe('');
  });

  it('leaves the issue open when closeOnDone is off', async () => {
    const bed = buildDeps({ tracker: true, config: { actions: { tracker: { closeOnDone: false } } } });
    await bed.tracker.createIssue({ title: 'Add an alert', body: '' });

    expect(await closeTrackerIssue(bed.deps, table('OPS-1'), 5)).toBe('');
    expect(bed.tracker.issues.get('OPS-1')?.closed).toBe(false);
  });

  it('says what the tracker answered when it refuses', async () => {
    const bed = buildDeps({ tracker: true });
    await bed.tracker.createIssue({ title: 'Add an alert', body: '' });
    bed.tracker.refuse = 'Jira refused the token: make a new one.';

    expect(await closeTrackerIssue(bed.deps, table('OPS-1'), 5)).toBe(
      ' OPS-1 is still open: Jira refused the token: make a new one.',
    );
  });
});
