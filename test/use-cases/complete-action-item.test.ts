import { describe, expect, it } from 'vitest';
import { itemKey } from '#domain/plan-reminders.ts';
import { privateRepoFile } from '#domain/private-incident.ts';
import { completeActionItem, snoozeReminder } from '#use-cases/complete-action-item.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { MemoryRcaRepository } from '../helpers/memory-rca-repository.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

const PATH = 'RCAs/2030-03-01-db.md';
const source = rcaWithActions('DB outage', [
  ['Add an alert', '<@UBOB>', '2030-04-10'],
  ['Write a runbook', '<@UCAT>', '2030-04-20'],
]);
const ref = { file: PATH, key: itemKey(PATH, 'Add an alert') };

describe('completeActionItem', () => {
  it('marks that row done by a commit that changes that row only', async () => {
    const bed = buildDeps();
    bed.memoryRepo!.edit(PATH, source);
    bed.chat.names.set('UBOB', 'Bob');

    const outcome = await completeActionItem(bed.deps, ref, 'UBOB');

    expect(outcome).toEqual({
      ok: true,
      value: `Marked done in ${PATH} line 16. No more reminders for it.`,
    });
    const after = (await bed.repo.readFile(PATH))!;
    const changed = after.split('\n').filter((line, i) => line !== source.split('\n')[i]);
    expect(changed).toEqual(['| P1 | ~~Add an alert~~ | <@UBOB> | 2030-04-10 |']);
    expect(bed.memoryRepo!.commits[0]?.message).toBe(`Mark action item done in ${PATH}:16 (by Bob)`);
    expect(bed.memoryRepo!.pulls).toBe(1);
  });

  it("commits to the private incidents' repository for an item named there, never to the main one", async () => {
    const bed = buildDeps();
    const secret = new MemoryRcaRepository('main');
    secret.edit(PATH, source);
    bed.memoryRepo!.edit(PATH, source);
    bed.deps.rca = { ...bed.deps.rca, privateRepo: { repo: secret, exclusive: (task) => task() } };
    const file = privateRepoFile(PATH);

    const outcome = await completeActionItem(bed.deps, { file, key: itemKey(file, 'Add an alert') }, 'UBOB');
    const mainKey = await completeActionItem(bed.deps, { file, key: itemKey(PATH, 'Write a runbook') }, 'UBOB');

    expect(outcome).toEqual({
      ok: true,
      value: `Marked done in ${PATH} of the private incidents' repository line 16. No more reminders for it.`,
    });
    expect(secret.commits.map((c) => c.message)).toEqual([`Mark action item done in ${PATH}:16 (by UBOB)`]);
    expect(secret.pulls).toBe(2);
    expect(bed.memoryRepo!.commits).toEqual([]);
    // A main-repository key does not name the private file's row.
    expect(mainKey.ok).toBe(false);
  });

  it("says what to do when the item's private repository is no longer set", async () => {
    const bed = buildDeps();
    bed.memoryRepo!.edit(PATH, source);
    const file = privateRepoFile(PATH);

    const outcome = await completeActionItem(bed.deps, { file, key: itemKey(file, 'Add an alert') }, 'UBOB');

    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('incident.private.repo') });
    expect(bed.memoryRepo!.commits).toEqual([]);
  });

  it('says the commit waits for the repository when it could not be pushed', async () => {
    const bed = buildDeps();
    bed.memoryRepo!.edit(PATH, source);
    bed.memoryRepo!.pushFailure = 'unreachable';

    const outcome = await completeActionItem(bed.deps, ref, 'UBOB');

    expect(outcome.ok && outcome.value).toContain('committed locally; I will push it when the repository answers');
  });

  it('refuses an item already done, or gone, or a file that is gone', async () => {
    const bed = buildDeps();
    bed.memoryRepo!.edit(PATH, source);
    await completeActionItem(bed.deps, ref, 'UBOB');

    const twice = await completeActionItem(bed.deps, ref, 'UBOB');
    const gone = await completeActionItem(bed.deps, { file: PATH, key: itemKey(PATH, 'Nothing') }, 'UBOB');
    const noFile = await completeActionItem(bed.deps, { file: 'RCAs/none.md', key: 'k' }, 'UBOB');

    expect(twice).toEqual({ ok: false, message: 'That action item is already marked done.' });
    expect(gone).toEqual({ ok: false, message: expect.stringContaining('no longer in the file') });
    expect(noFile).toEqual({ ok: false, message: 'RCAs/none.md is no longer in the repository.' });
    expect(bed.memoryRepo!.commits).toHaveLength(1);
  });

  it('closes the item tracker issue too when closeOnDone says so', async () => {
    const bed = buildDeps({ tracker: true });
    const issue = await bed.tracker.createIssue({ title: 'Add an alert', body: '' });
    bed.memoryRepo!.edit(PATH, source.replace('Add an alert', `Add an alert ${issue.key}`));

    const outcome = await completeActionItem(
      bed.deps,
      { file: PATH, key: itemKey(PATH, `Add an alert ${issue.key}`) },
      'UBOB',
    );

    expect(outcome.ok && outcome.value).toContain('Closed OPS-1 in Jira.');
    expect(bed.tracker.issues.get('OPS-1')?.closed).toBe(true);
  });
});

describe('snoozeReminder', () => {
  it('snoozes the item until that many days from today, in the reminders time zone', async () => {
    const bed = buildDeps({ now: '2030-04-07T23:30:00.000Z', config: { reminders: { timeZone: 'Europe/Berlin' } } });

    const until = await snoozeReminder(bed.deps, ref, 7);

    expect(until).toBe('2030-04-15');
    expect(await bed.store.listSnoozes()).toEqual(new Map([[ref.key, '2030-04-15']]));
  });
});
