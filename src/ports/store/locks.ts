/** Named locks, across replicas when the store is shared. */
export interface Locks {
  /** Runs `task` as the only holder of a named lock. */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** Like `withLock`, but gives up (null) at once when someone else holds it. */
  tryWithLock<T>(name: string, task: () => Promise<T>): Promise<T | null>;
}
