import type { StoreLifecycle } from '#src/ports.ts';

/**
 * `StoreLifecycle` in memory: nothing to migrate; it says `sqlite`, one process's store. After `close`,
 * `ping` fails, as a closed database's does.
 */
export class MemoryStoreLifecycle implements StoreLifecycle {
  readonly kind = 'sqlite' as const;
  closed = false;

  async migrate(): Promise<void> {}

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the store is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
