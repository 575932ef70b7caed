import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from './stats.ts';

export interface LoadFigures<T> {
  result: T;
  seconds: number;
  /** How long the main thread was busy running callbacks meanwhile (the inbox probe's own included). */
  busySeconds: number;
  /** Event-loop delay in ms: what an ack waits before its handler runs. */
  delay: { p50: number; p99: number; max: number };
  /** Inbox writes in ms: what an ack waits for besides the event loop. */
  writes: { n: number; p50: number; p99: number; max: number };
}

/**
 * Runs `task` while sampling the event-loop delay (1 ms resolution) and timing one inbox write every
 * 5 ms on `record`, the store the task also writes to: the two waits of an ack that arrives meanwhile.
 */
export async function measureWhile<T>(
  record: (i: number) => Promise<unknown>,
  task: () => Promise<T>,
): Promise<LoadFigures<T>> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const writes: number[] = [];
  let running = true;
  delay.enable();
  const prober = (async () => {
    for (let i = 0; running; i += 1) {
      const start = performance.now();
      await record(i);
      writes.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const start = performance.now();
  const before = performance.eventLoopUtilization();
  const result = await task();
  const busySeconds = performance.eventLoopUtilization(before).active / 1000;
  const seconds = (performance.now() - start) / 1000;
  running = false;
  await prober;
  delay.disable();
  return {
    result,
    seconds,
    busySeconds,
    delay: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    writes: { n: writes.length, p50: percentile(writes, 50), p99: percentile(writes, 99), max: Math.max(...writes) },
  };
}

/** `p50 1.0 ms, p99 1.9 ms, max 4.2 ms` */
export function describeWaits(figures: { p50: number; p99: number; max: number }): string {
  return `p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms`;
}
