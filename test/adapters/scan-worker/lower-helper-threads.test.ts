import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerHelperThreads } from '#adapters/scan-worker/lower-helper-threads.ts';

/** Each thread of this process and its nice value, read as the kernel reports it (field 19 of stat). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${name}/stat`, 'utf8');
      out.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

describe.skipIf(!existsSync('/proc/self/task'))('lowerHelperThreads', () => {
  it("lowers every other thread to the given priority (V8's helpers, a worker) and leaves the main thread's", async () => {
    const worker = new Worker('setTimeout(() => {}, 60_000)', { eval: true });
    await new Promise((resolve) => worker.once('online', resolve));
    const before = threadNices();

    const lowered = lowerHelperThreads(10);

    const after = threadNices();
    await worker.terminate();
    expect(before.get(process.pid)).toBe(0);
    expect(after.get(process.pid)).toBe(0);
    // V8's platform threads and the worker, at least: the process has more threads than the main one.
    expect(after.size).toBeGreaterThan(2);
    expect(lowered).toBeGreaterThan(0);
    for (const [tid, nice] of after) if (tid !== process.pid) expect(nice, `thread ${tid}`).toBeGreaterThanOrEqual(10);
  });

  it('leaves a thread already lower than asked as it is', () => {
    lowerHelperThreads(12);
    const lowered = lowerHelperThreads(11);
    expect(lowered).toBe(0);
    for (const [tid, nice] of threadNices()) if (tid !== process.pid) expect(nice).toBeGreaterThanOrEqual(12);
  });
});
