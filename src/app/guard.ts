import type { Logger } from '#adapters/log/create-logger.ts';

/** A scheduled job's failure is logged, never thrown into the scheduler. */
export async function guard(log: Logger, job: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    log.error({ err: error, job }, `the ${job} job failed`);
  }
}
