import { calendarDay } from '#domain/calendar-day.ts';
import type { AttentionItem, PlannedItem } from '#domain/plan-reminders.ts';
import { dayBefore } from '#domain/reminder-policy.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';
import type { OwnerResolver, OwnerTarget } from '#src/ports.ts';
import type { RemindActionItemsDeps } from './deps.ts';
import { planReminderRun } from './plan-reminder-run.ts';

/** How reminders reach people; the Slack adapter builds the messages and buttons. */
export interface ReminderNotifier {
  remind(target: OwnerTarget, owner: string, items: PlannedItem[], today: string): Promise<void>;
  needsAttention(channel: string, items: AttentionItem[]): Promise<void>;
}

export interface RunSummary {
  ran: boolean;
  today: string;
  sent: number;
  needsAttention: number;
  parsed: number;
  /** RCA files the index holds (0 when the run did not run). */
  files: number;
}

const LAST_RUN = 'reminders.lastRun';

/**
 * The scheduled job: pull (the private incidents' own repository too), rescan what changed, and send each (item, stage) once, one message per
 * owner. A store lock keeps it to one replica at a time, and the ledger makes each stage go out once
 * across restarts and replicas: a row is claimed, then marked sent once the message is out, and a
 * claim left unsent (the process died between the two) is sent by the next run. An owner whose lookup
 * fails goes to needs-attention; the run goes on for everyone else. A first run looks back one day only.
 */
export async function remindActionItems(
  deps: RemindActionItemsDeps,
  index: Pick<ActionItemIndex, 'refresh' | 'plan'>,
  resolver: OwnerResolver,
  notifier: ReminderNotifier,
): Promise<RunSummary> {
  const startedAt = deps.clock.now();
  const today = calendarDay(startedAt, deps.config.reminders.timeZone);
  const result = await deps.store.tryWithLock('reminders', async (): Promise<RunSummary> => {
    await deps.rca.exclusive(() => deps.rca.repo.pull());
    const privateRepo = deps.rca.privateRepo;
    if (privateRepo) await privateRepo.exclusive(() => privateRepo.repo.pull());
    const stored = await deps.store.getSetting(LAST_RUN);
    const lastRun = stored !== null && stored < today ? stored : dayBefore(today);
    const { files, parsed, plan } = await planReminderRun(index, {
      today,
      lastRun,
      policy: deps.config.reminders,
      snoozes: () => deps.store.listSnoozes(),
    });
    const now = deps.clock.now().toISOString();
    const attention: AttentionItem[] = [...plan.needsAttention];
    let sent = 0;

    const store = deps.store;
    /** Ours to send: a new claim, or one a run that stopped between claim and send left unsent. */
    const take = async (key: string, stage: string) =>
      (await store.claimReminder(key, stage, now)) || (await store.isReminderUnsent(key, stage));

    for (const [owner, items] of plan.reminders) {
      let targets: OwnerTarget[] | null;
      try {
        targets = await resolver.resolve(owner);
      } catch (error) {
        deps.log.error({ err: error, owner }, 'looking up an owner failed; the run goes on for everyone else');
        const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
        for (const item of items) {
          attention.push({
            ...item,
            owner,
            reason: `looking up owner "${owner}" in Slack failed (${why}); it is tried again next run`,
            stage: `attention-lookup:${item.stage}@${item.due}`,
          });
        }
        continue;
      }
      if (targets === null || targets.length === 0) {
        for (const item of items) {
          attention.push({
            ...item,
            owner,
            reason: `owner "${owner}" matches no one in Slack; map it under reminders.owners`,
            stage: `attention-owner:${item.stage}@${item.due}`,
          });
        }
        continue;
      }
      const claimed: PlannedItem[] = [];
      for (const item of items) {
        for (const skipped of item.skipped) {
          await store.claimReminder(item.key, `${skipped}@${item.due}`, now);
          await store.markReminderSent(item.key, `${skipped}@${item.due}`, now);
        }
        if (await take(item.key, `${item.stage}@${item.due}`)) claimed.push(item);
      }
      if (claimed.length === 0) continue;
      try {
        for (const target of targets) await notifier.remind(target, owner, claimed, today);
        for (const item of claimed) await store.markReminderSent(item.key, `${item.stage}@${item.due}`, now);
        sent += claimed.length;
      } catch (error) {
        deps.log.error({ err: error, owner }, 'sending reminders failed; they will be tried again next run');
        for (const item of claimed) await deps.store.releaseReminder(item.key, `${item.stage}@${item.due}`);
      }
    }

    const fresh: AttentionItem[] = [];
    for (const item of attention) if (await take(item.key, item.stage)) fresh.push(item);
    const fallback = deps.config.reminders.fallbackChannel;
    const markSent = async () => {
      for (const item of fresh) await store.markReminderSent(item.key, item.stage, now);
    };
    if (fresh.length > 0) {
      if (fallback === '') {
        deps.log.warn(
          { items: fresh.map((i) => `${i.file}:${i.line}`) },
          'action items need attention and reminders.fallbackChannel is not set',
        );
        await markSent();
      } else {
        try {
          await notifier.needsAttention(fallback, fresh);
          await markSent();
        } catch (error) {
          deps.log.error({ err: error }, 'could not post the needs-attention message');
          for (const item of fresh) await deps.store.releaseReminder(item.key, item.stage);
        }
      }
    }
    await deps.store.setSetting(LAST_RUN, today);
    deps.log.info(
      {
        today,
        lastRun,
        sent,
        needsAttention: fresh.length,
        parsed,
        files,
        durationMs: deps.clock.now().getTime() - startedAt.getTime(),
      },
      'reminder run done',
    );
    return { ran: true, today, sent, needsAttention: fresh.length, parsed, files };
  });
  return result ?? { ran: false, today, sent: 0, needsAttention: 0, parsed: 0, files: 0 };
}
