import type { Locks } from '#src/ports.ts';

/**
 * `Locks` in memory: one holder per name at a time, the others waiting their turn in order, as
 * `KyselyIncidentStore` serialises them. Memory is one process, like SQLite: `tryWithLock` waits its turn
 * (it gives up only for another replica, and there is none); a task that throws lets the next one in.
 */
export class MemoryLocks implements Locks {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** The names held right now. */
  readonly held = new Set<string>();
  /** Names a test says another replica holds: `tryWithLock` gives up on them, as on PostgreSQL. */
  readonly heldByOtherReplica = new Set<string>();

  async withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const run = previous.then(() => this.hold(name, task));
    const settled = run.catch(() => undefined);
    this.tails.set(name, settled);
    try {
      return await run;
    } finally {
      if (this.tails.get(name) === settled) this.tails.delete(name);
    }
  }

  async tryWithLock<T>(name: string, task: () => Promise<T>): Promise<T | null> {
    if (this.heldByOtherReplica.has(name)) return null;
    return this.withLock(name, task);
  }

  private async hold<T>(name: string, task: () => Promise<T>): Promise<T> {
    this.held.add(name);
    try {
      return await task();
    } finally {
      this.held.delete(name);
    }
  }
}
