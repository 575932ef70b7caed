import type { IdGenerator } from '#src/ports.ts';

/** Ids `inc-1`, `inc-2`… per prefix, so a test knows each id before it is made. */
export function buildIds(): IdGenerator {
  const counts = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counts.get(prefix) ?? 0) + 1;
      counts.set(prefix, n);
      return `${prefix}-${n}`;
    },
  };
}
