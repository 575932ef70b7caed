import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Gives the process's other threads the index thread's lower CPU priority (`nice`), leaving the
 * thread that acks Slack (the main one) as it is. V8 does every isolate's background work (concurrent
 * marking and sweeping, parallel scavenges, optimizing compiles) on one pool of helper threads per
 * process, started with the process at its priority; the index thread's own priority therefore did
 * not reach the collection of its garbage, which ran beside the main thread as its equal (the
 * reminder-scan bench: 0.4–0.5 s of helper CPU in a cold scan of 10,000 RCAs, and the main thread's
 * event-loop delay p99 about a millisecond lower with them lowered). The main thread's own collections
 * lose nothing they need: it does their work itself while its helpers wait.
 *
 * Linux only, where each thread is listed in /proc/self/task and `setpriority` takes a thread's id;
 * elsewhere nothing changes. Threads started later (libuv's pool for the main thread's file and DNS
 * work) keep the priority of the thread that starts them. Returns how many threads were lowered.
 */
export function lowerHelperThreads(nice: number): number {
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const name of threads) {
    const tid = Number(name);
    if (!Number.isInteger(tid) || tid === process.pid) continue;
    try {
      if (getPriority(tid) < nice) {
        setPriority(tid, nice);
        lowered += 1;
      }
    } catch {
      // The thread ended meanwhile, or may not be changed: it keeps its priority.
    }
  }
  return lowered;
}
