import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import { RcaRepoSetupError } from '#adapters/git/rca-repo-setup-error.ts';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { createHttpServer } from '#adapters/http/create-http-server.ts';
import { createLogger, type Logger } from '#adapters/log/create-logger.ts';
import { createMetrics, type Metrics } from '#adapters/metrics/create-metrics.ts';
import { createReviewRequests } from '#adapters/review/create-review-requests.ts';
import { boltLogger } from '#adapters/slack/bolt-logger.ts';
import { RECONNECT_FOREVER, REFUSED_APP_TOKEN } from '#adapters/slack/connection/reconnect-policy.ts';
import { watchSocketConnection } from '#adapters/slack/connection/watch-socket-connection.ts';
import { type DurableEvents, makeDurable } from '#adapters/slack/durable-events.ts';
import { isRelevantEvent } from '#adapters/slack/is-relevant-event.ts';
import { registerListeners } from '#adapters/slack/listeners/registry.ts';
import { draftAndAnnounceRca } from '#adapters/slack/post-rca-result.ts';
import { loggedMessage } from '#adapters/slack/logged-message.ts';
import { refreshSummary } from '#adapters/slack/refresh-summary.ts';
import { SlackUpdatePublisher } from '#adapters/slack/updates/slack-update-publisher.ts';
import { startUpdateNudges } from '#adapters/slack/updates/start-update-nudges.ts';
import { KyselyNudgeLedger } from '#adapters/store/kysely-nudge-ledger.ts';
import { SlackOwnerResolver } from '#adapters/slack/reminders/slack-owner-resolver.ts';
import { SlackReminderNotifier } from '#adapters/slack/reminders/slack-reminder-notifier.ts';
import { keepPrivateItems } from '#adapters/slack/reminders/keep-private-items.ts';
import { WorkerRcaScanner } from '#adapters/scan-worker/worker-rca-scanner.ts';
import { SlackPacer } from '#adapters/slack/pacing/slack-pacer.ts';
import { SlackChat, slackError } from '#adapters/slack/slack-chat.ts';
import { createPostgresStore, createSqliteStore } from '#adapters/store/create-store.ts';
import { createActionTracker } from '#adapters/trackers/create-action-tracker.ts';
import { resolveWebhookTargets } from '#adapters/webhooks/resolve-webhook-targets.ts';
import { startWebhooks } from '#adapters/webhooks/start-webhooks.ts';
import { keepUserNames } from '#adapters/store/keep-user-names.ts';
import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import { KyselyMessageLog } from '#adapters/store/kysely-message-log.ts';
import { KyselyUserNames } from '#adapters/store/kysely-user-names.ts';
import type { BotConfig } from '#config/bot-config.ts';
import { missingSecrets } from '#config/missing-secrets.ts';
import { resolveTemplate } from '#config/resolve-template.ts';
import { createPrivateRcaRepository } from '#adapters/git/create-private-rca-repository.ts';
import { type Secrets, secretValues } from '#config/secrets.ts';
import { type Clock, systemClock } from '#src/ports.ts';
import { checkReviews } from '#use-cases/check-reviews.ts';
import type { Deps } from '#use-cases/deps.ts';
import { RcaIndex } from '#use-cases/rca-index.ts';
import { RelatedRcas } from '#use-cases/related-rcas.ts';
import { markClosedIssuesDone } from '#use-cases/mark-closed-issues-done.ts';
import { type ReminderNotifier, type RunSummary, remindActionItems } from '#use-cases/remind-action-items.ts';
import { sendDigest } from '#use-cases/send-digest.ts';

export interface StartOptions {
  config: BotConfig;
  secrets: Secrets;
  clock?: Clock;
  logDestination?: NodeJS.WritableStream;
  /** Where the webhooks' `secret` variables are read (default: the process's environment). */
  env?: Record<string, string | undefined>;
}

export interface RunningBot {
  app: App;
  deps: Deps;
  store: KyselyIncidentStore;
  durable: DurableEvents;
  metrics: Metrics;
  log: Logger;
  port: number;
  /** Runs the reminder job now (the schedule does it otherwise). */
  runReminders(): Promise<RunSummary>;
  runDigest(): Promise<number>;
  index: RcaIndex;
  stop(): Promise<void>;
}

/** A problem the operator can fix: it says which variable and where to get it. */
export class SetupError extends Error {
  readonly code = 'SETUP';
}

export const DEMO_HINT = 'To try the bot without Slack, run `npx scribe demo`.';

/** The composition root: settings → adapters → use cases → Bolt. */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config, secrets } = options;
  const missing = missingSecrets(config.slack.mode, secrets);
  if (missing.length > 0)
    throw new SetupError(`${missing.join('\n')}\nSee README "Create the Slack app from manifest.yml". ${DEMO_HINT}`);
  const botToken = secrets.slackBotToken!;
  const webhooks = resolveWebhookTargets(config.webhooks, options.env ?? process.env);
  if (webhooks.problems.length > 0) throw new SetupError(webhooks.problems.join('\n'));
  const log = createLogger({
    level: config.logLevel,
    secrets: [...secretValues(secrets), ...webhooks.targets.map((t) => t.secret)],
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics();
  const logger = boltLogger(log);
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    logger,
    retryConfig: { retries: 10, factor: 1.6, minTimeout: 50, maxTimeout: 5000 },
  };
  const unhandled = logUnhandledRejections(log);

  const botUserId = await checkBotToken(config, secrets, clientOptions);

  const countStatement = (pool: 'inbox' | 'main') => metrics.statements.inc({ pool });
  const store = secrets.databaseUrl
    ? createPostgresStore(secrets.databaseUrl, config.database.schema || undefined, countStatement)
    : createSqliteStore(join(resolve(config.dataDir), 'scribe.sqlite'), countStatement);
  await store.migrate().catch(async (error: unknown) => {
    await store.close().catch(() => undefined);
    if (!secrets.databaseUrl) throw error;
    throw new SetupError(databaseProblem(secrets.databaseUrl, error));
  });
  const addEntry = store.addTimelineEntry.bind(store);
  store.addTimelineEntry = async (entry) => {
    const added = await addEntry(entry);
    if (added) metrics.timelineEntries.inc();
    return added;
  };

  // The Socket Mode client opens the one connection (no token check of its own) and retries it forever.
  const socketClientOptions = { slackApiUrl: config.slack.apiUrl, logger, retryConfig: RECONNECT_FOREVER };
  const receiver =
    config.slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: secrets.slackAppToken!,
          logger,
          installerOptions: { clientOptions: socketClientOptions },
        })
      : new HTTPReceiver({ signingSecret: secrets.slackSigningSecret!, endpoints: '/slack/events', logger });
  // No conversation store: the bot keeps its own state, and Bolt's in-memory one only costs time per event.
  // Calls are paced per method tier; the scheduled jobs get a client of their own, in the background
  // lane, so a 429 during a reminder run never holds up a reply, a modal or a timeline confirmation.
  const pacer = new SlackPacer(config.slack.apiUrl, (method, retryAfter) =>
    log.warn({ method, retryAfter }, 'Slack answered 429; that method waits'),
  );
  const app = new App({
    token: botToken,
    receiver,
    clientOptions: { ...clientOptions, fetch: pacer.fetchFor('interactive') },
    logger,
    logLevel: LogLevel.WARN,
    convoStore: false,
  });
  const backgroundChat = new SlackChat(
    new WebClient(botToken, { ...clientOptions, fetch: pacer.fetchFor('background') }),
  );
  app.error(async (error) => {
    metrics.errors.inc({ where: 'listener' });
    log.error({ err: error }, 'a listener failed');
  });

  const messages = new KyselyMessageLog(store.kind, store.db);
  const deps: Deps = {
    store,
    chat: new SlackChat(app.client),
    clock,
    ids: { next: (prefix) => `${prefix}-${randomUUID()}` },
    config,
    log,
    messages,
  };
  keepUserNames(deps.chat, new KyselyUserNames(store.db), clock, config.timeline.userNameHours);
  deps.onIncidentChanged = (id) => refreshSummary(deps, id);
  const outgoing = startWebhooks({ store, targets: webhooks.targets, clock, log, registry: metrics.registry });
  if (outgoing.events) deps.events = outgoing.events;
  const tracker = createActionTracker(config, secrets, store);
  if (tracker) deps.tracker = tracker;

  // Pull or merge requests for review branches (rca.review.*): RCA_REVIEW_TOKEN, RCA_REVIEW_API_URL.
  const review = createReviewRequests(config.rca, {
    repo: config.rca.repo,
    token: secrets.rcaReviewToken,
    // RCA_REVIEW_API_URL is read into rca.review.apiUrl by the settings.
    apiUrl: undefined,
    log,
  });
  if (!review.ok) throw new SetupError(review.problems.join('\n'));
  const repo = new SimpleGitRcaRepository({
    repo: config.rca.repo,
    dataDir: resolve(config.dataDir),
    branch: config.rca.branch,
    authorName: config.rca.authorName,
    authorEmail: config.rca.authorEmail,
    env: { ...process.env, RCA_REPO_TOKEN: secrets.rcaRepoToken, RCA_REPO_USER: secrets.rcaRepoUser },
  });
  try {
    await repo.prepare();
  } catch (error) {
    if (error instanceof RcaRepoSetupError) throw new SetupError(error.message);
    throw error;
  }
  if (repo.state.remote === 'unreachable')
    log.warn(
      { detail: repo.state.detail },
      'RCA_REPO cannot be reached: drafts are committed to the local clone and pushed as soon as it answers',
    );
  const privateRca = await createPrivateRcaRepository(config, secrets, (task) =>
    store.withLock('rca-private-repository', task),
  ).catch((error: unknown) => {
    throw error instanceof RcaRepoSetupError ? new SetupError(error.message) : error;
  });
  const commitFile = repo.commitFile.bind(repo);
  repo.commitFile = async (...args) => {
    const outcome = await commitFile(...args);
    if (outcome.committed) metrics.commits.inc();
    if (outcome.committed && !outcome.pushed && outcome.pushFailure !== 'conflict') metrics.pushesPending.inc();
    return outcome;
  };
  deps.rca = {
    repo,
    related: new RelatedRcas(repo, config.rca.dirs),
    template: await readFile(resolveTemplate(config.rca.template), 'utf8'),
    exclusive: (task) => store.withLock('rca-repository', task),
    ...(review.review ? { review: review.review } : {}),
    ...(privateRca ? { privateRepo: privateRca } : {}),
  };
  deps.onRcaRequested = (id) => draftAndAnnounceRca(deps, id);
  const retryPushes = async () => {
    const pending = await store
      .withLock('rca-repository', () => repo.pushPending())
      .catch((error) => {
        log.warn({ err: error }, 'pushing pending RCA commits failed');
        return -1;
      });
    if (pending >= 0) metrics.pushesPending.set(pending);
    await repo.maintain();
  };
  await retryPushes();
  const pushTimer = setInterval(retryPushes, config.rca.pushRetryMs);
  pushTimer.unref();
  // Channels whose RCA was committed long enough ago lose their message log (see timeline.keepMessagesDays).
  const trimTimer = setInterval(() => {
    messages
      .trim(clock.now().toISOString())
      .catch((error) => log.warn({ err: error }, 'trimming the message log failed'));
  }, 3_600_000);
  trimTimer.unref();
  const durable = makeDurable(app, {
    store,
    clock,
    log,
    onAck: (type, ms) => {
      metrics.events.inc({ type });
      metrics.ackSeconds.observe({ type }, ms / 1000);
    },
    onDuplicate: (type) => metrics.duplicates.inc({ type }),
    isRelevant: (event) => isRelevantEvent(event, config, botUserId),
    logMessage: async (event) => {
      const message = loggedMessage(event);
      if (message && (await store.incidentIdForChannel(message.channelId))) await messages.record(message);
    },
  });
  // The scan runs on a worker thread, so the parser never holds up the acks on this one.
  const scanner = new WorkerRcaScanner({ kind: 'git', dir: repo.dir });
  const index = new RcaIndex(scanner, store, config.rca.dirs, config.rca.actionItemHeadings);
  const resolver = new SlackOwnerResolver(backgroundChat, config, { store, clock });
  const slackNotifier = new SlackReminderNotifier(backgroundChat, config, (n) => metrics.remindersSent.inc(n));
  const notifier = keepPrivateItems(slackNotifier, config, log);
  const remindNotifier = crashBeforeSend(notifier);
  const runReminders = async () => {
    await guard(log, 'tracker', () => markClosedIssuesDone(deps));
    const summary = await remindActionItems(deps, index, resolver, remindNotifier);
    // A merged RCA review is noticed with the reminders, and the incident channel told once.
    if (review.review)
      await checkReviews(deps, review.review).catch((error) => log.warn({ err: error }, 'checking RCA reviews failed'));
    return summary;
  };
  const runDigest = () => sendDigest(deps, index, notifier.digest);
  const updates = new SlackUpdatePublisher(deps.chat, config, log);
  registerListeners(app, { deps, index, updates });
  const nudges = startUpdateNudges(deps, updates, new KyselyNudgeLedger(store.db));
  const jobs = [
    cron.schedule(config.reminders.schedule, () => guard(log, 'reminders', runReminders), {
      timezone: config.reminders.timeZone,
      noOverlap: true,
      name: 'reminders',
    }),
    cron.schedule(config.reminders.digestSchedule, () => guard(log, 'digest', runDigest), {
      timezone: config.reminders.timeZone,
      noOverlap: true,
      name: 'digest',
    }),
  ];

  const connection =
    receiver instanceof SocketModeReceiver ? watchSocketConnection(receiver.client, log) : { connected: true };
  const http = await createHttpServer({
    port: config.server.port,
    registry: metrics.registry,
    isLive: () => true,
    readiness: async () => {
      const storeOk = await store.ping().then(
        () => true,
        () => false,
      );
      const slack = connection.connected;
      // An unreachable RCA remote is reported, not a reason to stop taking events: drafts wait in the clone.
      const rcaRemote = repo.state.remote !== 'unreachable';
      const problems = [...(storeOk ? [] : ['store unreachable']), ...(slack ? [] : ['slack disconnected'])];
      return {
        ready: storeOk && slack,
        checks: { store: storeOk, slack, rcaRemote },
        ...(problems.length ? { problems } : {}),
      };
    },
    ...(receiver instanceof HTTPReceiver ? { slack: receiver.requestListener } : {}),
  });
  if (receiver instanceof SocketModeReceiver) {
    try {
      await app.start();
    } catch (error) {
      durable.close();
      clearInterval(pushTimer);
      clearInterval(trimTimer);
      for (const job of jobs) await job.stop();
      http.server.close();
      await store.close();
      unhandled.remove();
      throw refusedAppToken(error);
    }
  }
  const replayed = await durable.replayPending();
  log.info({ mode: config.slack.mode, port: http.port, store: store.kind, replayed }, 'Incident Scribe is running');

  let stopped = false;
  return {
    app,
    deps,
    store,
    durable,
    metrics,
    log,
    port: http.port,
    index,
    runReminders,
    runDigest,
    async stop() {
      if (stopped) return;
      stopped = true;
      durable.close();
      clearInterval(pushTimer);
      clearInterval(trimTimer);
      nudges.stop();
      privateRca?.stop();
      for (const job of jobs) await job.stop();
      pacer.clear();
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect().catch(() => undefined);
      await Promise.race([durable.queue.idle(), new Promise((r) => setTimeout(r, 8000))]);
      await outgoing.deliverer.stop();
      http.server.closeAllConnections();
      await new Promise<void>((r) => http.server.close(() => r()));
      await scanner.close();
      await store.close();
      unhandled.remove();
      log.info('Incident Scribe stopped');
    },
  };
}

/** `auth.test` with the bot token: who the bot is, or a message saying what to fix. */
async function checkBotToken(
  config: BotConfig,
  secrets: Secrets,
  clientOptions: { slackApiUrl: string; logger: BoltLogger },
): Promise<string | null> {
  const quick = { ...clientOptions, retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000 } };
  try {
    return (await new WebClient(secrets.slackBotToken, quick).auth.test()).user_id ?? null;
  } catch (error) {
    const code = slackError(error);
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
      throw new SetupError(
        `SLACK_BOT_TOKEN was refused by Slack (${code}). Copy the Bot User OAuth Token (xoxb-…) again from "OAuth & Permissions", and reinstall the app if you changed its scopes. ${DEMO_HINT}`,
      );
    }
    throw new SetupError(
      `Could not reach Slack at ${config.slack.apiUrl} (${(error as Error).message}). Check the network or SLACK_API_URL. ${DEMO_HINT}`,
    );
  }
}

/**
 * The Socket Mode start failed. Its client retries everything but a refused App-Level Token, so that
 * is what a failure here says; anything else is passed on as it is.
 */
function refusedAppToken(error: unknown): unknown {
  const code = slackError(error);
  if (code === null || !REFUSED_APP_TOKEN.has(code)) return error;
  return new SetupError(
    `SLACK_APP_TOKEN was refused by Slack (${code}). Create an App-Level Token with connections:write on "Basic Information", and enable Socket Mode (manifest.yml does). ${DEMO_HINT}`,
  );
}

/**
 * A rejection nobody awaited (a library's reconnect, a fire-and-forget call) is logged, never fatal:
 * Node's default would end the process, and Slack being away is no reason to stop.
 */
function logUnhandledRejections(log: Logger): { remove(): void } {
  const onRejection = (reason: unknown) => {
    log.error({ err: reason }, 'a promise was rejected with no one to handle it; the bot keeps running');
  };
  process.on('unhandledRejection', onRejection);
  return { remove: () => process.off('unhandledRejection', onRejection) };
}

/**
 * Test-only: with SCRIBE_TEST_CRASH_BEFORE_SEND=1 the process exits when the first reminder is about to
 * go out, after its ledger row was claimed, so a test can prove the next run still sends it.
 */
function crashBeforeSend(notifier: ReminderNotifier): ReminderNotifier {
  if (process.env['SCRIBE_TEST_CRASH_BEFORE_SEND'] !== '1') return notifier;
  return {
    remind: () => process.exit(70),
    needsAttention: (channel, items) => notifier.needsAttention(channel, items),
  };
}

/** Why the database in DATABASE_URL cannot be used, in one line that holds no password. */
function databaseProblem(url: string, error: unknown): string {
  const host = URL.canParse(url) ? new URL(url).host : 'the host';
  const root = ((error as { cause?: unknown }).cause ?? error) as { code?: string; message?: string };
  const message = (root.message ?? String(root)).split('\n')[0]!.replaceAll(url, 'DATABASE_URL');
  const reason = root.code && !message.includes(root.code) ? `${message} (${root.code})` : message;
  return `Could not use the PostgreSQL database in DATABASE_URL (${host}): ${reason}. Check that it runs and is reachable from here, and the user, password and database name in the URL; or unset DATABASE_URL to use the SQLite file under SCRIBE_DATA_DIR.`;
}

/** A scheduled job's failure is logged, never thrown into the scheduler. */
async function guard(log: Logger, job: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    log.error({ err: error, job }, `the ${job} job failed`);
  }
}
