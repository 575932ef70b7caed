/**
 * Group commit: while `concurrency` writes are in flight, the next ones wait and then go together in
 * one statement. Alone, a write goes at once; under load, round trips (and fsyncs) are shared. With a
 * pool of several connections, `concurrency` above 1 lets a write start while another waits for its
 * commit, instead of queueing behind it: PostgreSQL flushes the WAL of commits that arrive together
 * once (a commit whose record another's flush already wrote returns without a flush of its own).
 * A write that nobody waits on in a hurry can wait `delayMs` first, gathering the ones that follow.
 */
export class GroupWriter<T, R> {
  private queue: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  private flushing = 0;
  private scheduled = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 200,
    private readonly concurrency = 1,
    private readonly delayMs = 0,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.flushing >= this.concurrency || this.scheduled) return;
      if (this.delayMs === 0) {
        void this.flush();
        return;
      }
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        void this.flush();
      }, this.delayMs);
    });
  }

  private async flush(): Promise<void> {
    this.flushing += 1;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => {
          entry.resolve(results[i]!);
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.flushing -= 1;
  }
}
