import { describe, expect, it } from 'vitest';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { draftRca } from '#use-cases/draft-rca.ts';
import { buildActionItem } from '../helpers/build-incident.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';
import { buildTimelineEntry } from '../helpers/build-timeline-entry.ts';
import { bareRemote, remoteFile, remoteLog, tempDir } from '../helpers/git-repos.ts';

const PATH = 'RCAs/2030-04-07-checkout-latency.md';

async function resolvedIncident(bed: ReturnType<typeof buildDeps>, overrides = {}) {
  const incident = await buildOpenIncident(bed, {
    status: 'resolved',
    resolvedAt: '2030-04-07T09:55:00.000Z',
    rootCause: 'A bad deploy',
    ...overrides,
  });
  await bed.store.addTimelineEntry(buildTimelineEntry({ text: 'Rolled back the deploy', authorId: 'UBOB' }));
  bed.chat.names.set('UANA', 'Ana Lead');
  bed.chat.names.set('UBOB', 'Bob');
  return incident;
}

describe('draftRca', () => {
  it('commits a new RCA file from the incident and its timeline, and remembers its path', async () => {
    const bed = buildDeps();
    await resolvedIncident(bed);
    await bed.store.addActionItem(buildActionItem());

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome).toEqual({
      ok: true,
      value: { path: PATH, branch: 'main', url: null, pullRequestUrl: null, pushed: true },
    });
    const file = (await bed.repo.readFile(PATH))!;
    expect(file).toContain('# 2030-04-07 - Checkout latency');
    expect(file).toContain('A bad deploy');
    expect(file).toContain('Rolled back the deploy');
    expect(file).toContain('Add an alert on checkout p99');
    expect(file).toContain('*RCA prepared by Ana Lead on 2030-04-07*');
    expect(bed.memoryRepo!.commits.map((c) => c.message)).toEqual(['Add RCA draft: Checkout latency (P2, inc-1)']);
    expect((await bed.store.getIncident('inc-1'))?.rcaPath).toBe(PATH);
    expect(bed.events.published.map((e) => [e.kind, e.detail.rcaPath])).toEqual([['rca', PATH]]);
    expect(bed.messages.expiries.get('CINC1')).toBe('2030-04-14T10:00:00.000Z');
  });

  it('refreshes the file later, keeping what people wrote in it', async () => {
    const bed = buildDeps();
    await resolvedIncident(bed);
    await draftRca(bed.deps, 'inc-1');
    const drafted = (await bed.repo.readFile(PATH))!;
    bed.memoryRepo!.edit(PATH, drafted.replace('A bad deploy', 'A bad deploy, written up by Bob'));
    await bed.store.addTimelineEntry(buildTimelineEntry({ ts: '1901785000.000100', text: 'Error rate normal' }));

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok).toBe(true);
    const file = (await bed.repo.readFile(PATH))!;
    expect(file).toContain('A bad deploy, written up by Bob');
    expect(file).toContain('Error rate normal');
    expect(bed.memoryRepo!.commits.at(-1)?.message).toBe('Update RCA draft: Checkout latency (P2, inc-1)');
  });

  it('commits nothing when nothing changed, and says all is pushed', async () => {
    const bed = buildDeps();
    await resolvedIncident(bed);
    await draftRca(bed.deps, 'inc-1');

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value.pushed).toBe(true);
    expect(bed.memoryRepo!.commits).toHaveLength(1);
    expect(bed.events.kinds()).toEqual(['rca']);
  });

  it('never writes over another incident file of the same name', async () => {
    const bed = buildDeps();
    bed.memoryRepo!.edit(PATH, '# Another incident\n');
    await resolvedIncident(bed);

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value.path).toBe('RCAs/2030-04-07-checkout-latency-2.md');
    expect(await bed.repo.readFile(PATH)).toBe('# Another incident\n');
  });

  it('says why a commit is not on the remote', async () => {
    const bed = buildDeps();
    await resolvedIncident(bed);
    bed.memoryRepo!.pushFailure = 'refused';

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value).toMatchObject({
      pushed: false,
      pushFailure: 'refused',
      pushError: 'remote said no',
    });
  });

  it('opens a tracker issue per open action item and writes its key into the same commit', async () => {
    const bed = buildDeps({ tracker: true });
    await resolvedIncident(bed);
    await bed.store.addActionItem(buildActionItem());

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value.tickets).toEqual({
      tracker: 'Jira',
      created: [{ key: 'OPS-1', url: 'https://jira.example.com/browse/OPS-1' }],
      problem: null,
    });
    expect(bed.memoryRepo!.commits).toHaveLength(1);
    expect(await bed.repo.readFile(PATH)).toContain('OPS-1');
    expect(bed.tracker.issues.get('OPS-1')?.title).toBe('Add an alert on checkout p99');
  });

  it('opens a pull request for a review branch once the branch is pushed', async () => {
    const bed = buildDeps({
      review: true,
      config: { rca: { strategy: 'branch', review: { reviewers: ['octo'], people: { UANA: 'ana-gh' } } } },
    });
    await resolvedIncident(bed);

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value).toMatchObject({
      branch: 'rca/2030-04-07-checkout-latency',
      review: { noun: 'pull request', number: 1, created: true },
    });
    expect(bed.review.reviews[0]).toMatchObject({ base: 'main', reviewers: ['ana-gh', 'octo'], labels: ['rca'] });
    expect(await bed.repo.readFile(PATH)).toBeNull();
    expect(await bed.repo.readFile(PATH, 'rca/2030-04-07-checkout-latency')).toContain(
      '# 2030-04-07 - Checkout latency',
    );
  });

  it('waits with the pull request while the branch is not pushed', async () => {
    const bed = buildDeps({ review: true, config: { rca: { strategy: 'branch' } } });
    await resolvedIncident(bed);
    bed.memoryRepo!.pushFailure = 'unreachable';

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value.reviewProblem).toContain('opens once the branch is pushed');
    expect(bed.review.reviews).toEqual([]);
    expect(await bed.reviewRecords.get('inc-1')).toMatchObject({ state: 'pending', number: null });
  });

  it('answers an unknown incident', async () => {
    const bed = buildDeps();

    expect(await draftRca(bed.deps, 'inc-404')).toEqual({ ok: false, message: 'I could not find that incident.' });
  });

  it('pushes the draft to a real remote through SimpleGitRcaRepository', async () => {
    const bare = bareRemote();
    const repo = new SimpleGitRcaRepository({
      repo: bare,
      dataDir: tempDir(),
      branch: 'main',
      authorName: 'Incident Scribe',
      authorEmail: 'scribe@example.com',
    });
    await repo.prepare();
    const bed = buildDeps({ repo });
    await resolvedIncident(bed);

    const outcome = await draftRca(bed.deps, 'inc-1');

    expect(outcome.ok && outcome.value.pushed).toBe(true);
    expect(remoteFile(bare, PATH)).toContain('Rolled back the deploy');
    expect(remoteLog(bare)[0]).toBe('Add RCA draft: Checkout latency (P2, inc-1)');
  });
});
