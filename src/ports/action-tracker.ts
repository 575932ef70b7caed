/** An issue in the team's tracker: its key as people write it (`OPS-123`, `acme/ops#12`) and its page. */
export interface TrackerIssue {
  key: string;
  url: string | null;
}

/** A problem the tracker reported, worded for a person: what failed and what to change. */
export class TrackerError extends Error {
  readonly code = 'TRACKER';
}

/** The team's issue tracker (GitHub Issues, Jira, Linear), where action items are followed up. */
export interface ActionTracker {
  /** The tracker's name as people know it, for messages and commit subjects. */
  readonly name: string;
  /** Opens an issue; throws a `TrackerError` saying what to do when the tracker refuses. */
  createIssue(issue: { title: string; body: string }): Promise<TrackerIssue>;
  /** Whether the issue is closed (done), or null when it is not one of this tracker's. */
  isClosed(key: string): Promise<boolean | null>;
  /** Closes the issue as completed; one already closed is fine. */
  closeIssue(key: string): Promise<void>;
}

/**
 * Which RCA action items already have an issue, kept in the store: an issue created just before a
 * commit that failed is found here, so a retry never opens it twice.
 */
export interface TrackerLinks {
  get(itemKey: string): Promise<TrackerIssue | null>;
  put(itemKey: string, issue: TrackerIssue, at: string): Promise<void>;
}
