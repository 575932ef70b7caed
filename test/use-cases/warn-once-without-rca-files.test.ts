import { describe, expect, it } from 'vitest';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { remindActionItems } from '#use-cases/remind-action-items.ts';
import { warnOnceWithoutRcaFiles } from '#use-cases/warn-once-without-rca-files.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { MemoryOwnerResolver } from '../helpers/memory-owner-resolver.ts';
import { MemoryReminderNotifier } from '../helpers/memory-reminder-notifier.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

describe('warnOnceWithoutRcaFiles', () => {
  it('warns once per start when the reminder run finds no RCA under rca.dirs, naming the setting to change', async () => {
    const bed = buildDeps();
    bed.memoryRepo!.edit(
      'postmortems/2030-03-01-db.md',
      rcaWithActions('DB outage', [['Add an alert', '<@UBOB>', '2030-04-08']]),
    );
    const index = new RcaIndex(scanInProcess(bed.memoryRepo!.scanSource()), bed.store, ['RCAs']);
    const warn = warnOnceWithoutRcaFiles(bed.deps.log, ['RCAs']);
    const run = async () => {
      const summary = await remindActionItems(bed.deps, index, new MemoryOwnerResolver(), new MemoryReminderNotifier());
      warn(summary.files);
      return summary;
    };

    const first = await run();
    await run();

    const warnings = bed.logs.filter((l) => l.level === 40).map((l) => l.msg);
    expect(first).toMatchObject({ ran: true, files: 0, sent: 0 });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^the reminder run found no RCA file under rca\.dirs \(RCAs\) .*set rca\.dirs in the configuration/,
      ),
    ]);
  });

  it('warns again after runs that found files, and never while there are some', () => {
    const bed = buildDeps();
    const warn = warnOnceWithoutRcaFiles(bed.deps.log, ['RCAs']);

    for (const files of [3, 0, 0, 2, 0]) warn(files);

    expect(bed.logs.filter((l) => l.level === 40)).toHaveLength(2);
  });
});
