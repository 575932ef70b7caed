import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import type { IndexThreadSpec } from '#adapters/scan-worker/index-thread.ts';

/**
 * The bot's index, for a floor only: the same `indexTask` in a process of its own, at nice 10 and
 * with `--single-threaded-gc` (so its garbage collection runs on that process's niced thread), which
 * shares no heap, no GC helper threads and no address space with this one. What the event loop here
 * meets while it scans is what running the scan at all, beside this thread on this machine, costs.
 */
export function indexInOwnProcess(spec: IndexThreadSpec) {
  const entry = new URL('./index-process-entry.ts', import.meta.url).pathname;
  const child = fork(entry, [], { execArgv: [...process.execArgv, '--single-threaded-gc'], serialization: 'advanced' });
  if (child.pid !== undefined) setPriority(child.pid, 10);
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (answer: { id: number; value?: unknown; error?: string }) => {
    const wait = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error === undefined) wait?.resolve(answer.value);
    else wait?.reject(new Error(answer.error));
  });
  let next = 0;
  const call = (method: 'refresh' | 'ownedBy', args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ id, request: { spec, method, args } });
    });
  return {
    /** Starts the process and loads the index's modules there, without scanning. */
    started: () => call('ownedBy', [{ userId: 'U0NOBODY', name: null, email: null }, {}]),
    refresh: () => call('refresh', []),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
