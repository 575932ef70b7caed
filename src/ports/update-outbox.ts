import type { StatusUpdate } from '#src/ports.ts';

/** A status update on its way to its channels. */
export interface PendingUpdate {
  /** The update's request key (its timeline entry is `update:<key>`). */
  key: string;
  incidentId: string;
  update: StatusUpdate;
  /** The incident channel first, then the broadcast channels. */
  channels: string[];
}

/**
 * Status updates written before they are posted and marked once they are, so an update recorded when
 * the process stopped is posted after the restart. Kept in the store; shared by the replicas.
 */
export interface UpdateOutbox {
  /** Writes the update as not yet posted, claimed by the caller at `at`; one already written stays as it is. */
  add(pending: PendingUpdate, at: string): Promise<void>;
  /** The update was posted. */
  sent(key: string, at: string): Promise<void>;
  /** The updates not posted and last claimed before `before`, each claimed again at `at` by one caller only. */
  claimStale(before: string, at: string): Promise<PendingUpdate[]>;
}
