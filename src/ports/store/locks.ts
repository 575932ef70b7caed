/** Named locks, across replicas when the store is shared. */
export interface Locks {
  /**
   * Runs `task` as the only holder of a named lock, after the tasks that asked for it before; gives its
   * result or its error, and lets go of the lock either way.
   */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
  /**
   * Like `withLock`, but gives up (null) at once when another replica holds the lock. Where one process
   * owns the data (SQLite) there is no other replica, and it waits its turn as `withLock` does.
   */
  tryWithLock<T>(name: string, task: () => Promise<T>): Promise<T | null>;
}
