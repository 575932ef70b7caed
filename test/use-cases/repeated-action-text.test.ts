import { describe, expect, it } from 'vitest';
import { itemKey, itemKeys, type PlannedItem } from '#domain/plan-reminders.ts';
import { completeActionItem } from '#use-cases/complete-action-item.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { remindActionItems } from '#use-cases/remind-action-items.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { MemoryOwnerResolver } from '../helpers/memory-owner-resolver.ts';
import { MemoryReminderNotifier } from '../helpers/memory-reminder-notifier.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

const PATH = 'RCAs/2030-03-01-db.md';

describe('two action items with the same text in one file', () => {
  it('keeps the keys of a file without repeated texts, and numbers the repeats after the first', () => {
    const keys = itemKeys(PATH, ['Add an alert', 'Update the runbook', 'update  the RUNBOOK ', 'Update the runbook']);

    expect(keys).toEqual([
      itemKey(PATH, 'Add an alert'),
      itemKey(PATH, 'Update the runbook'),
      `${itemKey(PATH, 'Update the runbook')}  #2`,
      `${itemKey(PATH, 'Update the runbook')}  #3`,
    ]);
    expect(itemKeys(PATH, ['Add an alert', 'Update the runbook'])).toEqual([
      itemKey(PATH, 'Add an alert'),
      itemKey(PATH, 'Update the runbook'),
    ]);
    // No text gives a key ending in two spaces and a number: the repeat names no other item.
    expect(itemKeys(PATH, ['Update the runbook #2', 'Update the runbook', 'Update the runbook'])).toEqual([
      `${PATH}#update the runbook #2`,
      `${PATH}#update the runbook`,
      `${PATH}#update the runbook  #2`,
    ]);
  });

  it('reminds each owner once, and Done by the second strikes the second row only', async () => {
    const bed = buildDeps();
    const source = rcaWithActions('DB outage', [
      ['Update the runbook', '<@UANA>', '2030-04-08'],
      ['Update the runbook', '<@UBEN>', '2030-04-08'],
    ]);
    bed.memoryRepo!.edit(PATH, source);
    const index = new RcaIndex(scanInProcess(bed.memoryRepo!.scanSource()), bed.store, bed.deps.config.rca.dirs);
    const notifier = new MemoryReminderNotifier();
    const planned: PlannedItem[] = [];
    const remind = notifier.remind.bind(notifier);
    notifier.remind = async (target, owner, items, today) => {
      planned.push(...items);
      await remind(target, owner, items, today);
    };
    const run = () => remindActionItems(bed.deps, index, new MemoryOwnerResolver(), notifier);

    const first = await run();
    const again = await run();
    const ben = planned.find((item) => item.owner === '<@UBEN>')!;
    const done = await completeActionItem(bed.deps, { file: PATH, key: ben.key }, 'UBEN');

    expect([first.sent, again.sent]).toEqual([2, 0]);
    expect(notifier.reminders.map((r) => [r.owner, r.actions])).toEqual([
      ['<@UANA>', ['Update the runbook']],
      ['<@UBEN>', ['Update the runbook']],
    ]);
    expect(new Set(planned.map((item) => item.key)).size).toBe(2);
    expect(planned.find((item) => item.owner === '<@UANA>')!.key).toBe(itemKey(PATH, 'Update the runbook'));
    expect(done.ok).toBe(true);
    const after = (await bed.repo.readFile(PATH))!;
    const changed = after.split('\n').filter((line, i) => line !== source.split('\n')[i]);
    expect(changed).toEqual(['| P1 | ~~Update the runbook~~ | <@UBEN> | 2030-04-08 |']);
    expect(after).toContain('| P1 | Update the runbook | <@UANA> | 2030-04-08 |');
    // Done again on Ben's button finds his row, now done, and not Ana's.
    const twice = await completeActionItem(bed.deps, { file: PATH, key: ben.key }, 'UBEN');
    expect(twice).toEqual({ ok: false, message: expect.stringContaining('already marked done') });
  });
});
