/**
 * What each RCA file yielded at a git blob id, so a refresh reads again only the files whose blob
 * changed and forgets the ones that are gone (it never only grows). `RcaIndex` keeps one of action
 * items, `RelatedRcas` one of titles, dates and services.
 */
export class BlobCache<T> {
  private held = new Map<string, { blob: string; value: T }>();

  /** The blob id each held file was read at: what a refresh compares a listing against. */
  blobs(): Map<string, string> {
    const blobs = new Map<string, string>();
    for (const [path, { blob }] of this.held) blobs.set(path, blob);
    return blobs;
  }

  /** Whether `path` is held as it was read at `blob`. */
  holds(path: string, blob: string): boolean {
    return this.held.get(path)?.blob === blob;
  }

  set(path: string, blob: string, value: T): void {
    this.held.set(path, { blob, value });
  }

  /**
   * Holds exactly `paths`, in that order: a path in `fresh` with what was read again, any other with
   * what it held. Files not among `paths` are forgotten; returns their paths.
   */
  keep(paths: Iterable<string>, fresh: ReadonlyMap<string, { blob: string; value: T }>): string[] {
    const next = new Map<string, { blob: string; value: T }>();
    for (const path of paths) {
      const entry = fresh.get(path) ?? this.held.get(path);
      if (entry) next.set(path, entry);
    }
    const gone = [...this.held.keys()].filter((path) => !next.has(path));
    this.held = next;
    return gone;
  }

  /** The held values by path, in the order `keep` was given. */
  entries(): [path: string, value: T][] {
    return [...this.held].map(([path, { value }]) => [path, value]);
  }

  values(): T[] {
    return [...this.held.values()].map(({ value }) => value);
  }
}
