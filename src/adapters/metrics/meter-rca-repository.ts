import type { RcaRepository } from '#src/ports.ts';
import type { Metrics } from './create-metrics.ts';

/**
 * The RCA repository, counting commits in `scribe_rca_commits_total` and raising
 * `scribe_rca_pushes_pending` for each one left unpushed (a conflict is set aside, nothing pending).
 */
export function meterRcaRepository(
  inner: RcaRepository,
  metrics: Pick<Metrics, 'commits' | 'pushesPending'>,
): RcaRepository {
  return {
    prepare: () => inner.prepare(),
    pull: (branch) => inner.pull(branch),
    readFile: (path, branch) => inner.readFile(path, branch),
    readOwnLastVersion: (path, branch) => inner.readOwnLastVersion(path, branch),
    listFiles: (dirs) => inner.listFiles(dirs),
    head: () => inner.head(),
    changedPaths: (from, to) => inner.changedPaths(from, to),
    async commitFile(path, content, message, branch) {
      const outcome = await inner.commitFile(path, content, message, branch);
      if (outcome.committed) metrics.commits.inc();
      if (outcome.committed && !outcome.pushed && outcome.pushFailure !== 'conflict') metrics.pushesPending.inc();
      return outcome;
    },
    pushPending: () => inner.pushPending(),
    isPushed: (branch) => inner.isPushed(branch),
  };
}
