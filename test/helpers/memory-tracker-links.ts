import type { TrackerIssue, TrackerLinks } from '#src/ports/action-tracker.ts';

/** `TrackerLinks` in memory, as `KyselyTrackerLinks` keeps them: the first issue put for an item stays. */
export class MemoryTrackerLinks implements TrackerLinks {
  readonly links = new Map<string, { issue: TrackerIssue; at: string }>();

  async get(itemKey: string): Promise<TrackerIssue | null> {
    const link = this.links.get(itemKey);
    return link ? { ...link.issue } : null;
  }

  async put(itemKey: string, issue: TrackerIssue, at: string): Promise<void> {
    if (!this.links.has(itemKey)) this.links.set(itemKey, { issue: { ...issue }, at });
  }
}
