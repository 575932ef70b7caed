import type { TimelineEntry } from '#domain/timeline-entry.ts';

/** An incident's timeline, and who has put the timeline reaction on each message. */
export interface TimelineStore {
  /** Adds the entry unless one with its key exists; says whether it was added. */
  addTimelineEntry(entry: TimelineEntry): Promise<boolean>;
  /** Sets the fields the patch has; false when there is no entry with that key, or nothing to set. */
  updateTimelineEntry(
    key: string,
    patch: Partial<Pick<TimelineEntry, 'text' | 'authorId' | 'authorName' | 'permalink' | 'pending'>>,
  ): Promise<boolean>;
  /** Says whether there was an entry to remove. */
  removeTimelineEntry(key: string): Promise<boolean>;
  getTimelineEntry(key: string): Promise<TimelineEntry | null>;
  /** The incident's entries in the order things happened: by `sortKey`, then `key`. */
  listTimeline(incidentId: string): Promise<TimelineEntry[]>;

  /** Who has put the timeline reaction on a message; the entry goes when the last one takes it off. */
  addReactor(messageKey: string, userId: string): Promise<void>;
  /** Takes one person's reaction off; says how many people still have it on. */
  removeReactor(messageKey: string, userId: string): Promise<number>;
  clearReactors(messageKey: string): Promise<void>;
}
