import { describe, expect, it } from 'vitest';
import { openReview } from '#use-cases/open-review.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildIncident } from '../helpers/build-incident.ts';

const content =
  '---\ntitle: "2030-04-07 - Checkout latency"\n---\n\n# 2030-04-07 - Checkout latency\n\n## Summary\n\nSlow.\n';

describe('openReview', () => {
  it('opens the review with the incident people and the configured reviewers, and remembers it', async () => {
    const bed = buildDeps({
      config: { rca: { review: { people: { UANA: 'ana-gh', UCAT: 'cat-gh' }, reviewers: ['octo', 'ana-gh'] } } },
    });
    const incident = buildIncident({ roles: { lead: 'UANA', comms: 'UCAT', scribe: 'UNOBODY' } });

    const opened = await openReview(
      bed.deps,
      { requests: bed.review, records: bed.reviewRecords },
      {
        incident,
        entries: [],
        content,
        branch: 'rca/2030-04-07-checkout-latency',
        fileUrl: null,
      },
    );

    expect(opened).toEqual({
      ok: true,
      value: { number: 1, url: 'https://github.example.com/acme/postmortems/pull/1', created: true, warnings: [] },
    });
    expect(bed.review.reviews[0]).toMatchObject({
      base: 'main',
      reviewers: ['ana-gh', 'cat-gh', 'octo'],
      title: expect.stringContaining('Checkout latency'),
    });
    expect(await bed.reviewRecords.get('inc-1')).toEqual({
      incidentId: 'inc-1',
      branch: 'rca/2030-04-07-checkout-latency',
      number: 1,
      url: 'https://github.example.com/acme/postmortems/pull/1',
      state: 'open',
    });
    expect(bed.changed).toEqual(['inc-1']);
  });

  it('gives back what the service said, and remembers nothing', async () => {
    const bed = buildDeps();
    bed.review.refuse = 'GitHub says the branch does not exist.';

    const opened = await openReview(
      bed.deps,
      { requests: bed.review, records: bed.reviewRecords },
      {
        incident: buildIncident(),
        entries: [],
        content,
        branch: 'rca/x',
        fileUrl: null,
      },
    );

    expect(opened).toEqual({ ok: false, message: 'GitHub says the branch does not exist.' });
    expect(await bed.reviewRecords.get('inc-1')).toBeNull();
  });
});
