import { describe, expect, it } from 'vitest';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { type DigestGroups, sendDigest } from '#use-cases/send-digest.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { rcaWithActions } from '../helpers/rca-files.ts';

function arrange(digestChannels: Record<string, string>) {
  const bed = buildDeps({ config: { reminders: { digestChannels } } });
  bed.memoryRepo!.edit(
    'RCAs/2030-03-01-db.md',
    rcaWithActions('DB outage', [
      ['Overdue one', 'team-db', '2030-04-01'],
      ['Soon one', 'Team-DB', '2030-04-09'],
      ['Open one', 'team-db', '2030-06-01'],
      ['Not ours', 'team-web', '2030-04-09'],
    ]),
  );
  const index = new RcaIndex(scanInProcess(bed.memoryRepo!.scanSource()), bed.store, bed.deps.config.rca.dirs);
  const posted: { channel: string; team: string; groups: DigestGroups; today: string }[] = [];
  const post = async (channel: string, team: string, groups: DigestGroups, today: string) => {
    posted.push({ channel, team, groups, today });
  };
  return { bed, index, posted, post };
}

describe('sendDigest', () => {
  it('posts each team its overdue, due-soon and open items, once a day', async () => {
    const { bed, index, posted, post } = arrange({ 'team-db': 'CDB' });

    const first = await sendDigest(bed.deps, index, post);
    const again = await sendDigest(bed.deps, index, post);

    expect([first, again]).toEqual([1, 0]);
    expect(posted).toHaveLength(1);
    const { groups } = posted[0]!;
    expect(posted[0]).toMatchObject({ channel: 'CDB', team: 'team-db', today: '2030-04-07' });
    expect([groups.overdue, groups.soon, groups.open].map((g) => g.map((i) => i.action))).toEqual([
      ['Overdue one'],
      ['Soon one'],
      ['Open one'],
    ]);
  });

  it('posts nothing when no team has a digest channel', async () => {
    const { bed, index, posted, post } = arrange({});

    expect(await sendDigest(bed.deps, index, post)).toBe(0);
    expect(posted).toEqual([]);
  });
});
