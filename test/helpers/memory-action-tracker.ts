import { type ActionTracker, TrackerError, type TrackerIssue } from '#src/ports/action-tracker.ts';

/**
 * `ActionTracker` in memory: issues numbered `OPS-1`, `OPS-2`…, open until closed. `refuse` makes the
 * following calls throw the `TrackerError` a tracker's adapter throws when the service says no.
 */
export class MemoryActionTracker implements ActionTracker {
  readonly name = 'Jira';
  readonly issues = new Map<string, { title: string; body: string; closed: boolean }>();
  /** When set, every call throws a TrackerError with this message. */
  refuse: string | null = null;

  async createIssue(issue: { title: string; body: string }): Promise<TrackerIssue> {
    this.check();
    const key = `OPS-${this.issues.size + 1}`;
    this.issues.set(key, { ...issue, closed: false });
    return { key, url: `https://jira.example.com/browse/${key}` };
  }

  async isClosed(key: string): Promise<boolean | null> {
    this.check();
    return this.issues.get(key)?.closed ?? null;
  }

  async closeIssue(key: string): Promise<void> {
    this.check();
    const issue = this.issues.get(key);
    if (issue) issue.closed = true;
  }

  private check(): void {
    if (this.refuse !== null) throw new TrackerError(this.refuse);
  }
}
