/**
 * What the bot remembers of an incident's RCA review. `pending`: the draft's branch is not pushed yet
 * (the remote did not answer), so the review opens, or the open one is updated, once the push-retry
 * schedule pushes it; `number` and `url` are set once the review exists.
 */
export interface SavedReview {
  incidentId: string;
  branch: string;
  number: number | null;
  url: string | null;
  state: ReviewRecordState;
}

export type ReviewRecordState = 'pending' | 'open' | 'merged' | 'closed';

/** The incidents' reviews, in the store (one row per incident). */
export interface ReviewRecords {
  get(incidentId: string): Promise<SavedReview | null>;
  /** Writes the incident's review, over what was there. */
  save(review: SavedReview, at: string): Promise<void>;
  /** The reviews in these states, oldest change first. */
  list(states: ReviewRecordState[]): Promise<SavedReview[]>;
  /**
   * Moves a review from `from` to the new state (with its number and link): true for exactly one
   * caller, across replicas, so what follows a move (telling the channel) happens once.
   */
  move(incidentId: string, from: ReviewRecordState, to: Omit<SavedReview, 'incidentId'>, at: string): Promise<boolean>;
}
