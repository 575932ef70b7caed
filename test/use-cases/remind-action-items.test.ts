import { describe, expect, it } from 'vitest';
import { itemKey } from '#domain/plan-reminders.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { remindActionItems } from '#use-cases/remind-action-items.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { MemoryOwnerResolver } from '../helpers/memory-owner-resolver.ts';
import { MemoryReminderNotifier } from '../helpers/memory-reminder-notifier.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

const PATH = 'RCAs/2030-03-01-db.md';

/** Today is 2030-04-07 (a Sunday, in UTC): items due in 7 days, tomorrow and today are each at a stage. */
function arrange(options: Parameters<typeof buildDeps>[0] = {}) {
  const bed = buildDeps(options);
  bed.memoryRepo!.edit(
    PATH,
    rcaWithActions('DB outage', [
      ['Add an alert', '<@UBOB>', '2030-04-14'],
      ['Write a runbook', '<@UBOB>', '2030-04-08'],
      ['Tune the pool', 'team-db', '2030-04-07'],
      ['Later', '<@UCAT>', '2030-06-01'],
    ]),
  );
  const index = new RcaIndex(scanInProcess(bed.memoryRepo!.scanSource()), bed.store, bed.deps.config.rca.dirs);
  return { bed, index, resolver: new MemoryOwnerResolver(), notifier: new MemoryReminderNotifier() };
}

describe('remindActionItems', () => {
  it('sends each owner one message with their items at a stage, once', async () => {
    const { bed, index, resolver, notifier } = arrange();
    resolver.owners.set('team-db', [{ kind: 'channel', id: 'CDB' }]);

    const first = await remindActionItems(bed.deps, index, resolver, notifier);
    const again = await remindActionItems(bed.deps, index, resolver, notifier);

    expect(first).toEqual({ ran: true, today: '2030-04-07', sent: 3, needsAttention: 0, parsed: 1, files: 1 });
    expect(notifier.reminders).toEqual([
      {
        target: { kind: 'user', id: 'UBOB' },
        owner: '<@UBOB>',
        actions: ['Add an alert', 'Write a runbook'],
        today: '2030-04-07',
      },
      { target: { kind: 'channel', id: 'CDB' }, owner: 'team-db', actions: ['Tune the pool'], today: '2030-04-07' },
    ]);
    expect(again).toMatchObject({ ran: true, sent: 0, parsed: 0 });
    expect(await bed.store.getSetting('reminders.lastRun')).toBe('2030-04-07');
  });

  it('sends an owner nobody can find to the fallback channel, once', async () => {
    const { bed, index, resolver, notifier } = arrange({ config: { reminders: { fallbackChannel: 'CFALL' } } });

    const summary = await remindActionItems(bed.deps, index, resolver, notifier);
    await remindActionItems(bed.deps, index, resolver, notifier);

    expect(summary.needsAttention).toBe(1);
    expect(notifier.attention).toHaveLength(1);
    expect(notifier.attention[0]).toMatchObject({
      channel: 'CFALL',
      items: [
        { action: 'Tune the pool', reason: 'owner "team-db" matches no one in Slack; map it under reminders.owners' },
      ],
    });
  });

  it('goes on for everyone else when one lookup fails', async () => {
    const { bed, index, resolver, notifier } = arrange({ config: { reminders: { fallbackChannel: 'CFALL' } } });
    resolver.failing.set('team-db', new Error('ratelimited'));

    const summary = await remindActionItems(bed.deps, index, resolver, notifier);

    expect(summary.sent).toBe(2);
    expect(notifier.attention[0]?.items[0]?.reason).toContain(
      'looking up owner "team-db" in Slack failed (ratelimited)',
    );
  });

  it('tries again next run when sending fails', async () => {
    const { bed, index, resolver, notifier } = arrange();
    resolver.owners.set('team-db', [{ kind: 'channel', id: 'CDB' }]);
    notifier.failWith = new Error('slack down');
    const failed = await remindActionItems(bed.deps, index, resolver, notifier);
    notifier.failWith = null;

    const retried = await remindActionItems(bed.deps, index, resolver, notifier);

    expect(failed.sent).toBe(0);
    expect(retried.sent).toBe(3);
  });

  it('skips a snoozed item', async () => {
    const { bed, index, resolver, notifier } = arrange();
    resolver.owners.set('team-db', [{ kind: 'channel', id: 'CDB' }]);
    await bed.store.setSnooze(itemKey(PATH, 'Add an alert'), '2030-04-10');

    await remindActionItems(bed.deps, index, resolver, notifier);

    expect(notifier.reminders.flatMap((r) => r.actions)).toEqual(['Write a runbook', 'Tune the pool']);
  });

  it('does not run while another replica holds the lock', async () => {
    const { bed, index, resolver, notifier } = arrange();
    bed.store.roles.locks.heldByOtherReplica.add('reminders');

    const summary = await remindActionItems(bed.deps, index, resolver, notifier);

    expect(summary).toEqual({ ran: false, today: '2030-04-07', sent: 0, needsAttention: 0, parsed: 0, files: 0 });
    expect(notifier.reminders).toEqual([]);
  });
});
