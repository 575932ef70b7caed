import { describe, expect, it } from 'vitest';
import { ChannelArchivedError } from '#src/ports/channel-archived-error.ts';
import { checkReviews } from '#use-cases/check-reviews.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

async function arrange() {
  const bed = buildDeps();
  await buildOpenIncident(bed, { rcaPath: 'RCAs/a.md', status: 'resolved' });
  const opened = await bed.review.open({
    branch: 'rca/a',
    base: 'main',
    title: 'A',
    body: '',
    reviewers: [],
    labels: [],
  });
  if (!opened.ok) throw new Error(opened.message);
  const saved = { incidentId: 'inc-1', branch: 'rca/a', number: opened.value.number, url: opened.value.url };
  await bed.reviewRecords.save({ ...saved, state: 'open' }, '2030-04-07T09:00:00.000Z');
  return bed;
}

describe('checkReviews', () => {
  it('tells the incident channel once when its review is merged', async () => {
    const bed = await arrange();
    bed.review.settle(1, 'merged');

    const first = await checkReviews(bed.deps, { requests: bed.review, records: bed.reviewRecords });
    const second = await checkReviews(bed.deps, { requests: bed.review, records: bed.reviewRecords });

    expect([first, second]).toEqual([1, 0]);
    expect(bed.chat.postsIn('CINC1').map((p) => p.message.text)).toEqual([
      '✅ The RCA pull request was merged: <https://github.example.com/acme/postmortems/pull/1|pull request 1>. The RCA is in `main` now.',
    ]);
    expect((await bed.reviewRecords.get('inc-1'))?.state).toBe('merged');
  });

  it('says how to open a new one when it was closed without merging', async () => {
    const bed = await arrange();
    bed.review.settle(1, 'closed');

    await checkReviews(bed.deps, { requests: bed.review, records: bed.reviewRecords });

    expect(bed.chat.posts[0]?.message.text).toContain('closed without merging');
  });

  it('posts nothing while the review is open, or when the service cannot be asked', async () => {
    const bed = await arrange();

    expect(await checkReviews(bed.deps, { requests: bed.review, records: bed.reviewRecords })).toBe(0);
    bed.review.refuse = 'GitHub is down.';
    expect(await checkReviews(bed.deps, { requests: bed.review, records: bed.reviewRecords })).toBe(0);
    expect(bed.chat.posts).toEqual([]);
    expect(bed.logs.map((l) => l.msg)).toContain('GitHub is down.');
  });

  it('checks each review on its own: an archived channel or a failure there stops no other', async () => {
    const bed = await arrange();
    for (const [id, channelId, branch] of [
      ['inc-2', 'CINC2', 'rca/b'],
      ['inc-3', 'CINC3', 'rca/c'],
    ] as const) {
      await buildOpenIncident(bed, { id, channelId, rcaPath: `RCAs/${id}.md`, status: 'resolved' });
      const opened = await bed.review.open({ branch, base: 'main', title: id, body: '', reviewers: [], labels: [] });
      if (!opened.ok) throw new Error(opened.message);
      const saved = { incidentId: id, branch, number: opened.value.number, url: opened.value.url };
      await bed.reviewRecords.save({ ...saved, state: 'open' }, '2030-04-07T09:00:00.000Z');
    }
    for (const n of [1, 2, 3]) bed.review.settle(n, 'merged');
    const post = bed.chat.post.bind(bed.chat);
    bed.chat.post = async (channelId, message) => {
      if (channelId === 'CINC1') throw new ChannelArchivedError(channelId);
      if (channelId === 'CINC2') throw new Error('socket hang up');
      return post(channelId, message);
    };

    const told = await checkReviews(bed.deps, { requests: bed.review, records: bed.reviewRecords });

    expect(told).toBe(1);
    expect(bed.chat.postsIn('CINC3')).toHaveLength(1);
    for (const id of ['inc-1', 'inc-2', 'inc-3']) expect((await bed.reviewRecords.get(id))?.state).toBe('merged');
    expect(bed.logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'the incident channel is archived; no review notice',
        'could not check an RCA review; the others went on',
      ]),
    );
  });
});
