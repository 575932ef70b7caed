/**
 * Runs `task` `runs` times and keeps the fastest: on a shared machine the other runs measure the
 * neighbours, and the fastest is the closest to what the code itself costs. Seconds, with the last result.
 */
export async function bestOf<T>(runs: number, task: () => Promise<T> | T): Promise<[T, number]> {
  let best = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = await task();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return [result, best];
}

/**
 * The fastest of `runs` runs of each task, taking turns (a, b, c, a, b, c, …) so that a neighbour's
 * burst slows them alike instead of whichever ran during it. Seconds, by the tasks' names.
 */
export function fastestOfEach<K extends string>(runs: number, tasks: Record<K, () => unknown>): Record<K, number> {
  const best = {} as Record<K, number>;
  for (let i = 0; i < runs; i += 1)
    for (const [name, task] of Object.entries(tasks) as [K, () => unknown][]) {
      const start = performance.now();
      task();
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, (performance.now() - start) / 1000);
    }
  return best;
}
