/**
 * How many inputs a property tries: the count the test names, or `FC_RUNS=<n>` for every property in
 * the run (a deep run before a release, or with `FC_SEED=random` to explore). Properties are bounded
 * by this count, never by time.
 */
export function runs(count: number): number {
  const requested = process.env['FC_RUNS'];
  if (requested === undefined || requested === '') return count;
  const n = Number(requested);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`FC_RUNS must be a whole number of runs, not "${requested}".`);
  return n;
}

/**
 * The timeout of a property test, in milliseconds: far past any run count's need even on a loaded
 * 2-core machine (where the default runs take seconds), so load makes such a test slower, never red.
 */
export const PROPERTY_TIMEOUT = 30 * 60_000;
