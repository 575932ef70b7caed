import type { TimelineEntry } from '#domain/timeline-entry.ts';
import type { TimelineStore } from '#src/ports.ts';
import { compare } from './memory-incident-records.ts';

type EntryPatch = Partial<Pick<TimelineEntry, 'text' | 'authorId' | 'authorName' | 'permalink' | 'pending'>>;

/**
 * `TimelineStore` in memory, as `KyselyIncidentStore` keeps it: an entry is added unless its key is
 * there (and says whether it was), an update with nothing in it changes nothing and says false, the
 * timeline is ordered by sort key then key, and a reactor counts once per message.
 */
export class MemoryTimelineStore implements TimelineStore {
  readonly entries = new Map<string, TimelineEntry>();
  readonly reactors = new Map<string, Set<string>>();

  async addTimelineEntry(entry: TimelineEntry): Promise<boolean> {
    if (this.entries.has(entry.key)) return false;
    this.entries.set(entry.key, asStored(entry));
    return true;
  }

  async updateTimelineEntry(key: string, patch: EntryPatch): Promise<boolean> {
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return false;
    const current = this.entries.get(key);
    if (!current) return false;
    this.entries.set(key, { ...current, ...set });
    return true;
  }

  async removeTimelineEntry(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }

  async getTimelineEntry(key: string): Promise<TimelineEntry | null> {
    const entry = this.entries.get(key);
    return entry ? structuredClone(entry) : null;
  }

  async listTimeline(incidentId: string): Promise<TimelineEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.incidentId === incidentId)
      .sort((a, b) => compare(a.sortKey, b.sortKey) || compare(a.key, b.key))
      .map((e) => structuredClone(e));
  }

  async addReactor(messageKey: string, userId: string): Promise<void> {
    const set = this.reactors.get(messageKey) ?? new Set<string>();
    set.add(userId);
    this.reactors.set(messageKey, set);
  }

  async removeReactor(messageKey: string, userId: string): Promise<number> {
    const set = this.reactors.get(messageKey);
    set?.delete(userId);
    if (set?.size === 0) this.reactors.delete(messageKey);
    return set?.size ?? 0;
  }

  async clearReactors(messageKey: string): Promise<void> {
    this.reactors.delete(messageKey);
  }
}

/** As a row gives it back: a copy, with no `detail` key when there is none. */
function asStored(entry: TimelineEntry): TimelineEntry {
  const { detail, ...rest } = structuredClone(entry);
  return detail ? { ...rest, detail } : rest;
}
