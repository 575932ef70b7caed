import { parseIntervalMs } from '#domain/parse-interval-ms.ts';
import { checkReviews } from '#use-cases/check-reviews.ts';
import type { Deps } from '#use-cases/deps.ts';
import { openPendingReviews } from '#use-cases/open-pending-reviews.ts';

export interface ReviewJobs {
  /** Opens the reviews whose branch the push-retry schedule just pushed; call after each retry. */
  afterPush(): Promise<void>;
  /** Asks the review service about the open reviews now (the timer does it every `rca.review.checkEvery`). */
  check(): Promise<number>;
  stop(): void;
}

const LOCK = 'rca-reviews';

/**
 * The review jobs: every `rca.review.checkEvery` the open reviews are asked about (a merge is told to
 * the incident channel within that interval), and after each push retry the pending ones are opened.
 * One replica at a time runs either (a lock it does not wait for: the next tick comes soon enough), and
 * each review's state moves in the store, so every notice goes out once. Nothing without a provider.
 */
export function startReviewJobs(deps: Deps): ReviewJobs {
  const { rca } = deps;
  const review = rca.review;
  if (!review) return { afterPush: async () => undefined, check: async () => 0, stop: () => undefined };
  const guarded = async <T>(job: string, run: () => Promise<T>, none: T): Promise<T> => {
    try {
      return (await deps.store.tryWithLock(LOCK, run)) ?? none;
    } catch (error) {
      deps.log.warn({ err: error, job }, `${job} failed; it runs again on schedule`);
      return none;
    }
  };
  const check = () => guarded('checking RCA reviews', () => checkReviews(deps, review), 0);
  const every = parseIntervalMs(deps.config.rca.review.checkEvery) ?? 600_000;
  const timer = setInterval(() => void check(), every);
  timer.unref();
  return {
    afterPush: async () => {
      await guarded('opening RCA reviews after a push', () => openPendingReviews(deps, rca, review), 0);
    },
    check,
    stop: () => clearInterval(timer),
  };
}
