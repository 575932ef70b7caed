import type { ReviewRecordState, ReviewRecords, SavedReview } from '#src/ports/review-records.ts';

/** `ReviewRecords` in memory: one review per incident, each move out of a state for one caller only. */
export class MemoryReviewRecords implements ReviewRecords {
  readonly rows = new Map<string, { review: SavedReview; at: string }>();

  async get(incidentId: string): Promise<SavedReview | null> {
    const row = this.rows.get(incidentId);
    return row ? { ...row.review } : null;
  }

  async save(review: SavedReview, at: string): Promise<void> {
    this.rows.set(review.incidentId, { review: { ...review }, at });
  }

  async list(states: ReviewRecordState[]): Promise<SavedReview[]> {
    return [...this.rows.values()]
      .filter((row) => states.includes(row.review.state))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((row) => ({ ...row.review }));
  }

  async move(
    incidentId: string,
    from: ReviewRecordState,
    to: Omit<SavedReview, 'incidentId'>,
    at: string,
  ): Promise<boolean> {
    const row = this.rows.get(incidentId);
    if (!row || row.review.state !== from) return false;
    this.rows.set(incidentId, { review: { ...to, incidentId }, at });
    return true;
  }
}
