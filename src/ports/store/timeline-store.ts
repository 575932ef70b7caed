import type { TimelineEntry } from '#domain/timeline-entry.ts';

/** An incident's timeline, and who has put the timeline reaction on each message. */
export interface TimelineStore {
  /** Adds the entry unless one with its key exists; says whether it was added. */
  addTimelineEntry(entry: TimelineEntry): Promise<boolean>;
  updateTimelineEntry(
    key: string,
    patch: Partial<Pick<TimelineEntry, 'text' | 'authorId' | 'authorName' | 'permalink' | 'pending'>>,
  ): Promise<boolean>;
  removeTimelineEntry(key: string): Promise<boolean>;
  getTimelineEntry(key: string): Promise<TimelineEntry | null>;
  listTimeline(incidentId: string): Promise<TimelineEntry[]>;

  /** Who has put the timeline reaction on a message; the entry goes when the last one takes it off. */
  addReactor(messageKey: string, userId: string): Promise<void>;
  removeReactor(messageKey: string, userId: string): Promise<number>;
  clearReactors(messageKey: string): Promise<void>;
}
