import { describe, expect, it } from 'vitest';
import { GitBlobSource } from '#adapters/git/git-blob-source.ts';
import { planReminders } from '#domain/plan-reminders.ts';
import { privateRepoFile } from '#domain/private-incident.ts';
import { combineRcaIndexes } from '#use-cases/combine-rca-indexes.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { buildConfig } from '../helpers/build-config.ts';
import { tempDir } from '../helpers/git-repos.ts';
import { rcaWithActions, repoWith } from '../helpers/rca-files.ts';

const ana = { userId: 'U0ANA', name: null, email: null };

describe('combineRcaIndexes', () => {
  it("answers as one query over the main repository's files and then the private one's, renamed", async () => {
    const mainDir = repoWith({
      'RCAs/a.md': rcaWithActions('A', [
        ['Fix a', '<@U0ANA>', '2025-04-07'],
        ['Team a', 'Platform Team', '2025-04-10'],
      ]),
      'RCAs/b.md': rcaWithActions('B', [['Fix b', '<@U0BEN>', '2025-04-07']]),
    });
    const privateDir = repoWith({
      'RCAs/private/c.md': rcaWithActions('C', [
        ['Fix c', '<@U0ANA>', '2025-04-07'],
        ['Fix c2', '<@U0CHO>', '2025-04-07'],
        ['Team c', 'Platform Team', '2025-04-01'],
      ]),
    });
    const main = new RcaIndex(scanInProcess(new GitBlobSource(mainDir)), null, ['RCAs']);
    const secret = new RcaIndex(
      scanInProcess(new GitBlobSource(privateDir)),
      null,
      ['RCAs'],
      undefined,
      'private-repo',
      privateRepoFile,
    );
    const both = combineRcaIndexes(main, secret);
    const run = { today: '2025-04-07', lastRun: '2025-04-06', policy: buildConfig().reminders, snoozes: new Map() };

    expect(await both.refresh()).toEqual({ files: 3, parsed: 3 });

    const plan = await both.plan(run);
    const asOne = planReminders({ ...run, files: [...main.held(), ...secret.held()] });
    expect(plan).toEqual(asOne);
    expect([...plan.reminders.keys()]).toEqual(['<@U0ANA>', '<@U0BEN>', '<@U0CHO>']);
    expect(plan.reminders.get('<@U0ANA>')!.map((i) => i.file)).toEqual([
      'RCAs/a.md',
      privateRepoFile('RCAs/private/c.md'),
    ]);
    expect((await both.ownedBy(ana, {})).map((i) => i.action)).toEqual(['Fix a', 'Fix c']);
    const digest = await both.digest('platform team', '2025-04-07');
    expect(digest.soon.map((i) => i.file)).toEqual(['RCAs/a.md']);
    expect(digest.overdue.map((i) => i.file)).toEqual([privateRepoFile('RCAs/private/c.md')]);
  });

  it('is the main index itself when there is no private repository', () => {
    const main = new RcaIndex(scanInProcess(new GitBlobSource(tempDir())), null, ['RCAs']);

    expect(combineRcaIndexes(main, null)).toBe(main);
  });
});
