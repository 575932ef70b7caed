import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createPrivateRcaRepository, type PrivateRcaRepository } from '#adapters/git/create-private-rca-repository.ts';
import { createRcaClone } from '#adapters/git/create-rca-clone.ts';
import { RcaRepoSetupError } from '#adapters/git/rca-repo-setup-error.ts';
import type { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import type { Logger } from '#adapters/log/create-logger.ts';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import { meterRcaRepository } from '#adapters/metrics/meter-rca-repository.ts';
import { createReviewRequests } from '#adapters/review/create-review-requests.ts';
import type { BotConfig } from '#config/bot-config.ts';
import { resolveTemplate } from '#config/resolve-template.ts';
import type { Secrets } from '#config/secrets.ts';
import type { Locks } from '#src/ports.ts';
import type { RcaDeps } from '#use-cases/deps.ts';
import { RelatedRcas } from '#use-cases/related-rcas.ts';
import type { ReviewRecords } from '#src/ports/review-records.ts';
import type { ReviewDeps } from '#use-cases/review-requests.ts';
import { SetupError } from './setup-error.ts';

export interface PreparedRca {
  rca: RcaDeps;
  /** The clone itself, for the push-retry schedule, the scan and the readiness check. */
  clone: SimpleGitRcaRepository;
  review: ReviewDeps | null;
  /** Private incidents' own repository (`incident.private.repo`), or null. */
  privateRca: PrivateRcaRepository | null;
}

/**
 * The RCA repository's working clone, prepared (an unreachable remote is a warning, not a reason to
 * stop), with the review requests, the template and the related-RCA index drafts need.
 */
export async function prepareRca(options: {
  config: BotConfig;
  secrets: Secrets;
  log: Logger;
  metrics: Metrics;
  locks: Locks;
  /** Where what is known of each review is kept. */
  reviewRecords: ReviewRecords;
}): Promise<PreparedRca> {
  const { config, secrets, log, metrics, locks } = options;
  // Pull or merge requests for review branches (rca.review.*): RCA_REVIEW_TOKEN, RCA_REVIEW_API_URL.
  const review = createReviewRequests(config.rca, {
    repo: config.rca.repo,
    token: secrets.rcaReviewToken,
    // RCA_REVIEW_API_URL is read into rca.review.apiUrl by the settings.
    apiUrl: undefined,
    log,
  });
  if (!review.ok) throw new SetupError(review.problems.join('\n'));
  const repo = createRcaClone(config, secrets, { repo: config.rca.repo, dataDir: resolve(config.dataDir) });
  try {
    await repo.prepare();
  } catch (error) {
    if (error instanceof RcaRepoSetupError) throw new SetupError(error.message);
    throw error;
  }
  if (repo.state.remote === 'unreachable')
    log.warn(
      { detail: repo.state.detail },
      'RCA_REPO cannot be reached: drafts are committed to the local clone and pushed as soon as it answers',
    );
  const privateRca = await createPrivateRcaRepository(config, secrets, (task) =>
    locks.withLock('rca-private-repository', task),
  ).catch((error: unknown) => {
    throw error instanceof RcaRepoSetupError ? new SetupError(error.message) : error;
  });
  const rca: RcaDeps = {
    repo: meterRcaRepository(repo, metrics),
    related: new RelatedRcas(repo, config.rca.dirs),
    template: await readFile(resolveTemplate(config.rca.template), 'utf8'),
    exclusive: (task) => locks.withLock('rca-repository', task),
    review: review.review ? { requests: review.review, records: options.reviewRecords } : null,
    privateRepo: privateRca,
  };
  return { rca, clone: repo, review: rca.review, privateRca };
}
