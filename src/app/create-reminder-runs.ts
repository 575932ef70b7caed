import type { Logger } from '#adapters/log/create-logger.ts';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import type { ReviewJobs } from '#adapters/review/start-review-jobs.ts';
import { WorkerActionItemIndex } from '#adapters/scan-worker/worker-action-item-index.ts';
import { keepPrivateItems } from '#adapters/slack/reminders/keep-private-items.ts';
import { SlackOwnerResolver } from '#adapters/slack/reminders/slack-owner-resolver.ts';
import { SlackReminderNotifier } from '#adapters/slack/reminders/slack-reminder-notifier.ts';
import type { SlackChat } from '#adapters/slack/slack-chat.ts';
import type { StoreLocation } from '#adapters/store/scan-cache-writer.ts';
import { PRIVATE_REPO_SCOPE, privateRepoDirs } from '#domain/private-incident.ts';
import type { ActionItemIndex } from '#src/ports/action-item-index.ts';
import { combineRcaIndexes } from '#use-cases/combine-rca-indexes.ts';
import type { Deps } from '#use-cases/deps.ts';
import { markClosedIssuesDone } from '#use-cases/mark-closed-issues-done.ts';
import { type RunSummary, remindActionItems } from '#use-cases/remind-action-items.ts';
import { sendDigest } from '#use-cases/send-digest.ts';
import { warnOnceWithoutRcaFiles } from '#use-cases/warn-once-without-rca-files.ts';
import { crashBeforeSend } from './crash-before-send.ts';
import { guard } from './guard.ts';

export interface ReminderRuns {
  /** The main repository's action items, and the private incidents' repository's when there is one. */
  index: ActionItemIndex;
  /** The index's worker threads, closed on stop. */
  scanner: { close(): Promise<void> };
  runReminders(): Promise<RunSummary>;
  runDigest(): Promise<number>;
}

/**
 * The reminder run and the digest, over the action items the scan finds in the clone at `dir` and,
 * with `incident.private.repo`, in the private incidents' clone at `privateDir`.
 */
export function createReminderRuns(options: {
  deps: Deps;
  dir: string;
  privateDir?: string | null;
  /** Where `deps.store` lives, for the index threads to load and save the scan cache on their own connections; null: in memory. */
  storeLocation?: StoreLocation | null;
  backgroundChat: SlackChat;
  reviewJobs: Pick<ReviewJobs, 'check'>;
  metrics: Metrics;
  log: Logger;
}): ReminderRuns {
  const { deps, reviewJobs, metrics, log } = options;
  const { config, store } = deps;
  // Each repository's index lives on a worker thread of its own: the scan, the scan cache (loaded and
  // saved there on a connection of its own to the same store) and the queries run there, so the
  // parser, the files and the planning never hold up the acks on this one. Only the answers cross.
  const cache = options.storeLocation ? { cache: options.storeLocation } : {};
  const headings = config.rca.actionItemHeadings ? { actionItemHeadings: config.rca.actionItemHeadings } : {};
  const main = new WorkerActionItemIndex({
    source: { kind: 'git', dir: options.dir },
    dirs: config.rca.dirs,
    ...headings,
    ...cache,
  });
  // The private repository's drafts sit in its `rcaDir`; hand-written ones may sit in `rca.dirs` too.
  // Its rows are kept under the index's scope; its answers name its files by `privateRepoFile`.
  const privateIndex = options.privateDir
    ? new WorkerActionItemIndex({
        source: { kind: 'git', dir: options.privateDir },
        dirs: privateRepoDirs(config.rca.dirs, config.incident.private.rcaDir),
        ...headings,
        ...cache,
        scope: PRIVATE_REPO_SCOPE,
        privateRepo: true,
      })
    : null;
  const index = combineRcaIndexes(main, privateIndex);
  const resolver = new SlackOwnerResolver(options.backgroundChat, config, { store, clock: deps.clock });
  // A private incident's action items reach their owners by DM only, never a channel or the digest.
  const notifier = keepPrivateItems(
    new SlackReminderNotifier(options.backgroundChat, config, (n) => metrics.remindersSent.inc(n)),
    config,
    log,
  );
  const remindNotifier = crashBeforeSend(notifier);
  const noRcaFiles = warnOnceWithoutRcaFiles(log, config.rca.dirs);
  const runReminders = async () => {
    await guard(log, 'tracker', () => markClosedIssuesDone(deps));
    const summary = await remindActionItems(deps, index, resolver, remindNotifier);
    if (summary.ran) noRcaFiles(summary.files);
    // A merged RCA review is noticed every rca.review.checkEvery, and with the reminders; told once.
    await reviewJobs.check();
    return summary;
  };
  const runDigest = () => sendDigest(deps, index, notifier.digest);
  const close = async () => {
    await Promise.all([main.close(), privateIndex?.close()]);
  };
  return { index, scanner: { close }, runReminders, runDigest };
}
