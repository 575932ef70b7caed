import type {
  OpenedReview,
  ReviewRequests,
  ReviewSpec,
  ReviewState,
  ReviewResult,
} from '#use-cases/review-requests.ts';

/**
 * `ReviewRequests` in memory: one pull request per branch (opening it again updates it), numbered from
 * 1, each `open` until a test merges or closes it. `refuse` makes the following calls answer with that
 * message, as the adapters do for what the service says.
 */
export class MemoryReviewRequests implements ReviewRequests {
  readonly noun = 'pull request';
  readonly reviews: (ReviewSpec & { number: number; state: ReviewState })[] = [];
  refuse: string | null = null;

  async open(spec: ReviewSpec): Promise<ReviewResult<OpenedReview>> {
    if (this.refuse !== null) return { ok: false, message: this.refuse };
    const existing = this.reviews.find((r) => r.branch === spec.branch && r.state === 'open');
    if (existing) {
      Object.assign(existing, spec);
      return {
        ok: true,
        value: { number: existing.number, url: urlOf(existing.number), created: false, warnings: [] },
      };
    }
    const number = this.reviews.length + 1;
    this.reviews.push({ ...spec, number, state: 'open' });
    return { ok: true, value: { number, url: urlOf(number), created: true, warnings: [] } };
  }

  async state(number: number): Promise<ReviewResult<ReviewState>> {
    if (this.refuse !== null) return { ok: false, message: this.refuse };
    const review = this.reviews.find((r) => r.number === number);
    return review ? { ok: true, value: review.state } : { ok: false, message: `There is no pull request ${number}.` };
  }

  /** Someone merged or closed it on the service. */
  settle(number: number, state: 'merged' | 'closed'): void {
    const review = this.reviews.find((r) => r.number === number);
    if (review) review.state = state;
  }
}

const urlOf = (number: number) => `https://github.example.com/acme/postmortems/pull/${number}`;
