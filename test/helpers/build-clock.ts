import type { Clock } from '#src/ports.ts';

export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

/** A clock that stays at `iso` until a test moves it. */
export function buildClock(iso = '2030-04-07T10:00:00.000Z'): TestClock {
  let now = Date.parse(iso);
  if (Number.isNaN(now)) throw new Error(`buildClock: not an instant: ${iso}`);
  return {
    now: () => new Date(now),
    set: (next) => {
      now = Date.parse(next);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
