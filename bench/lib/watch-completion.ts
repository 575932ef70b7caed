/** Which of the given entry keys are complete. */
export type CompletedKeys = (keys: string[]) => Promise<string[]>;

const POLL_MS = 2;

/**
 * Watches the store for entries becoming complete: every 2 ms it asks which of the oldest awaited
 * ones (up to 200, by primary key) are, and times each from when its pin was sent, to the start of the
 * poll that saw it (an upper bound). The 2 ms poll is the measurement's resolution.
 */
export function watchCompletion(completed: CompletedKeys, keyOf: (ts: string) => string) {
  const awaited = new Map<string, { ts: string; t0: number }>();
  const times: number[] = [];
  let stopped = false;
  let expected = 0;
  let allSent = false;
  const loop = (async () => {
    while (!stopped && !(allSent && awaited.size === 0)) {
      if (awaited.size > 0) {
        const oldest = [...awaited.keys()].slice(0, 200);
        const now = performance.now();
        for (const key of await completed(oldest)) {
          const entry = awaited.get(key);
          if (!entry) continue;
          times.push(now - entry.t0);
          awaited.delete(key);
        }
        if (allSent && times.length === expected) return;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return {
    expect(ts: string, t0: number) {
      expected += 1;
      awaited.set(keyOf(ts), { ts, t0 });
    },
    /** The completion times, once all are complete or `timeoutMs` has passed. */
    async done(timeoutMs: number): Promise<number[]> {
      allSent = true;
      const timer = setTimeout(() => {
        stopped = true;
      }, timeoutMs);
      await loop;
      clearTimeout(timer);
      stopped = true;
      return times;
    },
  };
}
