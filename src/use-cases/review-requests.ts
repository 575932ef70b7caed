import type { ReviewRecords } from '#src/ports/review-records.ts';

/** What a review is opened with: the review branch into the main branch. */
export interface ReviewSpec {
  branch: string;
  base: string;
  title: string;
  body: string;
  /** Logins (GitHub) or usernames (GitLab). */
  reviewers: string[];
  labels: string[];
}

export interface OpenedReview {
  number: number;
  url: string;
  /** False when the review already existed and was updated. */
  created: boolean;
  /** What did not work but did not stop the review (a reviewer who cannot be asked, say). */
  warnings: string[];
}

export type ReviewState = 'open' | 'merged' | 'closed';

/** A value, or a message for people that says what to do. */
export type ReviewResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Where an RCA draft is reviewed: GitHub pull requests or GitLab merge requests. Implementations
 * never throw for what the service answers; they say it in `message`.
 */
export interface ReviewRequests {
  /** "pull request" or "merge request", for messages. */
  readonly noun: string;
  /** Opens the review of a branch, or finds the one already open for it and updates it. */
  open(spec: ReviewSpec): Promise<ReviewResult<OpenedReview>>;
  state(number: number): Promise<ReviewResult<ReviewState>>;
}

/** The review service and what the bot remembers of each incident's review. */
export interface ReviewDeps {
  requests: ReviewRequests;
  records: ReviewRecords;
}
