import cron from 'node-cron';
import type { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import type { Logger } from '#adapters/log/create-logger.ts';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import type { ReviewJobs } from '#adapters/review/start-review-jobs.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Clock, Locks, MessageLog } from '#src/ports.ts';
import { guard } from './guard.ts';

export interface Jobs {
  /** Stops every timer and schedule; a run under way finishes. */
  stop(): Promise<void>;
}

/**
 * The bot's scheduled work: pending RCA pushes (once now, then every `rca.pushRetryMs`), the message
 * log's trim, the status-update nudges, and the reminder and digest schedules.
 */
export async function startJobs(options: {
  config: BotConfig;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  locks: Locks;
  clone: Pick<SimpleGitRcaRepository, 'pushPending' | 'maintain'>;
  /** Opens the reviews a retried push made possible; stopped with the other jobs. */
  reviewJobs: Pick<ReviewJobs, 'afterPush' | 'stop'>;
  /** Private incidents' repository, whose own push retries stop with the other jobs. */
  privateRca: { stop(): void } | null;
  messages: Pick<MessageLog, 'trim'>;
  runReminders(): Promise<unknown>;
  runDigest(): Promise<unknown>;
  startNudges(): { stop(): void };
}): Promise<Jobs> {
  const { config, clock, log, metrics, clone } = options;
  const retryPushes = async () => {
    const pending = await options.locks
      .withLock('rca-repository', () => clone.pushPending())
      .catch((error) => {
        log.warn({ err: error }, 'pushing pending RCA commits failed');
        return -1;
      });
    if (pending >= 0) metrics.pushesPending.set(pending);
    await options.reviewJobs.afterPush();
    await clone.maintain();
  };
  await retryPushes();
  const pushTimer = setInterval(retryPushes, config.rca.pushRetryMs);
  pushTimer.unref();
  // Channels whose RCA was committed long enough ago lose their message log (see timeline.keepMessagesDays).
  const trimTimer = setInterval(() => {
    options.messages
      .trim(clock.now().toISOString())
      .catch((error) => log.warn({ err: error }, 'trimming the message log failed'));
  }, 3_600_000);
  trimTimer.unref();
  const nudges = options.startNudges();
  const schedule = { timezone: config.reminders.timeZone, noOverlap: true };
  const jobs = [
    cron.schedule(config.reminders.schedule, () => guard(log, 'reminders', options.runReminders), {
      ...schedule,
      name: 'reminders',
    }),
    cron.schedule(config.reminders.digestSchedule, () => guard(log, 'digest', options.runDigest), {
      ...schedule,
      name: 'digest',
    }),
  ];
  return {
    async stop() {
      clearInterval(pushTimer);
      clearInterval(trimTimer);
      options.reviewJobs.stop();
      options.privateRca?.stop();
      nudges.stop();
      for (const job of jobs) await job.stop();
    },
  };
}
