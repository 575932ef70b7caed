import { describe, expect, it } from 'vitest';
import { markClosedIssuesDone } from '#use-cases/mark-closed-issues-done.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

const PATH = 'RCAs/2030-04-07-checkout-latency.md';
const rca = `---\ntitle: Checkout latency\n---\n\n## Action Items\n\n| Action | Owner | Due | Ticket |\n|---|---|---|---|\n| Add an alert | bob | 2030-04-10 | OPS-1 |\n| Write a runbook | cat | 2030-04-20 | OPS-2 |\n`;

async function arrange(options: Parameters<typeof buildDeps>[0] = { tracker: true }) {
  const bed = buildDeps(options);
  await buildOpenIncident(bed, { rcaPath: PATH, status: 'resolved' });
  bed.memoryRepo!.edit(PATH, rca);
  await bed.tracker.createIssue({ title: 'Add an alert', body: '' });
  await bed.tracker.createIssue({ title: 'Write a runbook', body: '' });
  return bed;
}

describe('markClosedIssuesDone', () => {
  it('marks done the items whose issue is closed, in one commit per file', async () => {
    const bed = await arrange();
    await bed.tracker.closeIssue('OPS-2');

    const marked = await markClosedIssuesDone(bed.deps);

    expect(marked).toBe(1);
    const file = (await bed.repo.readFile(PATH))!;
    expect(file).toContain('| ~~Write a runbook~~ |');
    expect(file).toContain('| Add an alert |');
    expect(bed.memoryRepo!.commits.map((c) => c.message)).toEqual([
      `Mark action items done in ${PATH}: OPS-2 closed in Jira`,
    ]);
  });

  it('marks the row whose issue closed when another row has the same text', async () => {
    const bed = await arrange();
    bed.memoryRepo!.edit(PATH, rca.replace('Write a runbook', 'Add an alert'));
    await bed.tracker.closeIssue('OPS-2');

    expect(await markClosedIssuesDone(bed.deps)).toBe(1);
    const file = (await bed.repo.readFile(PATH))!;
    expect(file).toContain('| Add an alert | bob | 2030-04-10 | OPS-1 |');
    expect(file).toContain('| ~~Add an alert~~ | cat | 2030-04-20 | OPS-2 |');
  });

  it('commits nothing while every issue is open', async () => {
    const bed = await arrange();

    expect(await markClosedIssuesDone(bed.deps)).toBe(0);
    expect(bed.memoryRepo!.commits).toEqual([]);
  });

  it('leaves the items for the next run when the tracker cannot be asked', async () => {
    const bed = await arrange();
    await bed.tracker.closeIssue('OPS-1');
    bed.tracker.refuse = 'Jira is down.';

    expect(await markClosedIssuesDone(bed.deps)).toBe(0);
    expect(bed.logs.map((l) => l.msg)).toContain('could not ask the tracker about an action item');
  });

  it('does nothing without a tracker', async () => {
    const bed = await arrange({});
    await bed.tracker.closeIssue('OPS-1');

    expect(await markClosedIssuesDone(bed.deps)).toBe(0);
  });
});
