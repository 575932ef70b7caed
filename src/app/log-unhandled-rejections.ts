import type { Logger } from '#adapters/log/create-logger.ts';

/**
 * A rejection nobody awaited (a library's reconnect, a fire-and-forget call) is logged, never fatal:
 * Node's default would end the process, and Slack being away is no reason to stop.
 */
export function logUnhandledRejections(log: Logger): { remove(): void } {
  const onRejection = (reason: unknown) => {
    log.error({ err: reason }, 'a promise was rejected with no one to handle it; the bot keeps running');
  };
  process.on('unhandledRejection', onRejection);
  return { remove: () => process.off('unhandledRejection', onRejection) };
}
