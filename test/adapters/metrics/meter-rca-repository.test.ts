import { describe, expect, it } from 'vitest';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { createMetrics } from '#adapters/metrics/create-metrics.ts';
import { meterRcaRepository } from '#adapters/metrics/meter-rca-repository.ts';
import { bareRemote, refusePushes, remoteFile, tempDir } from '../../helpers/git-repos.ts';

const cloneOf = async (bare: string) => {
  const repo = new SimpleGitRcaRepository({
    repo: bare,
    dataDir: tempDir(),
    branch: 'main',
    authorName: 'Incident Scribe',
    authorEmail: 'scribe@example.com',
  });
  await repo.prepare();
  return repo;
};

const value = async (metrics: ReturnType<typeof createMetrics>, name: string) =>
  (await metrics.registry.getSingleMetric(name)!.get()).values[0]?.value;

describe('meterRcaRepository', () => {
  it('counts each commit, and none left pending when it was pushed', async () => {
    const bare = bareRemote();
    const metrics = createMetrics();
    const repo = meterRcaRepository(await cloneOf(bare), metrics);

    await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');
    await repo.commitFile('RCAs/2025-04-07-b.md', '# B\n', 'RCA draft: B');

    expect(await value(metrics, 'scribe_rca_commits_total')).toBe(2);
    expect(await value(metrics, 'scribe_rca_pushes_pending')).toBe(0);
    expect(remoteFile(bare, 'RCAs/2025-04-07-b.md')).toBe('# B\n');
    expect(await repo.readFile('RCAs/2025-04-07-a.md')).toBe('# A\n');
  });

  it('raises the pending gauge for a commit the remote refused', async () => {
    const bare = bareRemote();
    const metrics = createMetrics();
    const repo = meterRcaRepository(await cloneOf(bare), metrics);
    refusePushes(bare);

    const outcome = await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');

    expect(outcome).toMatchObject({ committed: true, pushed: false });
    expect(await value(metrics, 'scribe_rca_commits_total')).toBe(1);
    expect(await value(metrics, 'scribe_rca_pushes_pending')).toBe(1);
    expect(await repo.pushPending()).toBe(1);
  });

  it('counts nothing when there was nothing to commit', async () => {
    const metrics = createMetrics();
    const repo = meterRcaRepository(await cloneOf(bareRemote()), metrics);
    await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');

    const again = await repo.commitFile('RCAs/2025-04-07-a.md', '# A\n', 'RCA draft: A');

    expect(again.committed).toBe(false);
    expect(await value(metrics, 'scribe_rca_commits_total')).toBe(1);
  });
});
