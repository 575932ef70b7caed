import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import { SimpleGitRcaRepository } from '#adapters/git/simple-git-rca-repository.ts';
import { createHttpServer } from '#adapters/http/create-http-server.ts';
import { createLogger, type Logger } from '#adapters/log/create-logger.ts';
import { createMetrics, type Metrics } from '#adapters/metrics/create-metrics.ts';
import { boltLogger } from '#adapters/slack/bolt-logger.ts';
import { RECONNECT_FOREVER, REFUSED_APP_TOKEN } from '#adapters/slack/connection/reconnect-policy.ts';
import { watchSocketConnection } from '#adapters/slack/connection/watch-socket-connection.ts';
import { type DurableEvents, makeDurable } from '#adapters/slack/durable-events.ts';
import { isRelevantEvent } from '#adapters/slack/is-relevant-event.ts';
import { registerListeners } from '#adapters/slack/listeners/registry.ts';
import { draftAndAnnounceRca } from '#adapters/slack/post-rca-result.ts';
import { refreshSummary } from '#adapters/slack/refresh-summary.ts';
import { SlackUpdatePublisher } from '#adapters/slack/updates/slack-update-publisher.ts';
import { startUpdateNudges } from '#adapters/slack/updates/start-update-nudges.ts';
import { KyselyNudgeLedger } from '#adapters/store/kysely-nudge-ledger.ts';
import { SlackOwnerResolver } from '#adapters/slack/reminders/slack-owner-resolver.ts';
import { SlackReminderNotifier } from '#adapters/slack/reminders/slack-reminder-notifier.ts';
import { SlackPacer } from '#adapters/slack/pacing/slack-pacer.ts';
import { SlackChat, slackError } from '#adapters/slack/slack-chat.ts';
import { createPostgresStore, createSqliteStore } from '#adapters/store/create-store.ts';
import type { KyselyIncidentStore } from '#adapters/store/kysely-incident-store.ts';
import type { BotConfig } from '#config/bot-config.ts';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { type Clock, systemClock } from '#src/ports.ts';
import type { Deps } from '#use-cases/deps.ts';
import { RcaIndex } from '#use-cases/rca-index.ts';
import { RelatedRcas } from '#use-cases/related-rcas.ts';
import { type ReminderNotifier, type RunSummary, remindActionItems } from '#use-cases/remind-action-items.ts';
import { sendDigest } from '#use-cases/send-digest.ts';

type Env = Record<string, string | undefined>;

export interface StartOptions {
  config: BotConfig;
  env: Env;
  clock?: Clock;
  logDestination?: NodeJS.WritableStream;
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

const DEMO_HINT = 'To try the bot without Slack, run `npx scribe demo`.';

/** Which secrets are missing for the chosen mode, with where each one comes from. */
export function missingSecrets(config: BotConfig, env: Env): string[] {
  const problems: string[] = [];
  if (!env['SLACK_BOT_TOKEN']) {
    problems.push(
      'SLACK_BOT_TOKEN is not set: the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page, after installing it from manifest.yml.',
    );
  }
  if (config.slack.mode === 'socket' && !env['SLACK_APP_TOKEN']) {
    problems.push(
      'SLACK_APP_TOKEN is not set: an App-Level Token (xapp-…) with the connections:write scope, from your app\'s "Basic Information" page.',
    );
  }
  if (config.slack.mode === 'http' && !env['SLACK_SIGNING_SECRET']) {
    problems.push(
      'SLACK_SIGNING_SECRET is not set: the Signing Secret from your app\'s "Basic Information" page (HTTP mode).',
    );
  }
  return problems;
}

/** The composition root: config → adapters → use cases → Bolt. The only place that reads `env`. */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config, env } = options;
  const missing = missingSecrets(config, env);
  if (missing.length > 0)
    throw new SetupError(`${missing.join('\n')}\nSee README "Create the Slack app from manifest.yml". ${DEMO_HINT}`);
  const botToken = env['SLACK_BOT_TOKEN']!;
  const secrets = [
    botToken,
    env['SLACK_APP_TOKEN'] ?? '',
    env['SLACK_SIGNING_SECRET'] ?? '',
    env['DATABASE_URL'] ?? '',
  ];
  const log = createLogger({
    level: config.logLevel,
    secrets,
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

  const botUserId = await checkBotToken(config, env, clientOptions);

  const store = env['DATABASE_URL']
    ? createPostgresStore(env['DATABASE_URL'], env['DATABASE_SCHEMA'])
    : createSqliteStore(join(resolve(config.dataDir), 'scribe.sqlite'));
  await store.migrate();
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
          appToken: env['SLACK_APP_TOKEN']!,
          logger,
          installerOptions: { clientOptions: socketClientOptions },
        })
      : new HTTPReceiver({ signingSecret: env['SLACK_SIGNING_SECRET']!, endpoints: '/slack/events', logger });
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

  const deps: Deps = {
    store,
    chat: new SlackChat(app.client),
    clock,
    ids: { next: (prefix) => `${prefix}-${randomUUID()}` },
    config,
    log,
  };
  deps.onIncidentChanged = (id) => refreshSummary(deps, id);

  const repo = new SimpleGitRcaRepository({
    repo: config.rca.repo,
    dataDir: resolve(config.dataDir),
    branch: config.rca.branch,
    authorName: config.rca.authorName,
    authorEmail: config.rca.authorEmail,
    env,
  });
  await repo.prepare();
  const commitFile = repo.commitFile.bind(repo);
  repo.commitFile = async (...args) => {
    const outcome = await commitFile(...args);
    if (outcome.committed) metrics.commits.inc();
    if (outcome.committed && !outcome.pushed) metrics.pushesPending.inc();
    return outcome;
  };
  deps.rca = {
    repo,
    related: new RelatedRcas(repo, config.rca.dirs),
    template: await readFile(resolveTemplate(config.rca.template), 'utf8'),
    exclusive: (task) => store.withLock('rca-repository', task),
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
  const pushTimer = setInterval(retryPushes, Number(env['RCA_PUSH_RETRY_MS'] ?? 60_000));
  pushTimer.unref();
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
  });
  const index = new RcaIndex(repo, store, config.rca.dirs);
  const resolver = new SlackOwnerResolver(backgroundChat, config, { store, clock });
  const notifier = new SlackReminderNotifier(backgroundChat, config, (n) => metrics.remindersSent.inc(n));
  const runReminders = () => remindActionItems(deps, index, resolver, crashBeforeSend(env, notifier));
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
      const problems = [...(storeOk ? [] : ['store unreachable']), ...(slack ? [] : ['slack disconnected'])];
      return { ready: storeOk && slack, checks: { store: storeOk, slack }, ...(problems.length ? { problems } : {}) };
    },
    ...(receiver instanceof HTTPReceiver ? { slack: receiver.requestListener } : {}),
  });
  if (receiver instanceof SocketModeReceiver) {
    try {
      await app.start();
    } catch (error) {
      durable.close();
      clearInterval(pushTimer);
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
      nudges.stop();
      for (const job of jobs) await job.stop();
      pacer.clear();
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect().catch(() => undefined);
      await Promise.race([durable.queue.idle(), new Promise((r) => setTimeout(r, 8000))]);
      http.server.closeAllConnections();
      await new Promise<void>((r) => http.server.close(() => r()));
      await store.close();
      unhandled.remove();
      log.info('Incident Scribe stopped');
    },
  };
}

/** `auth.test` with the bot token: who the bot is, or a message saying what to fix. */
async function checkBotToken(
  config: BotConfig,
  env: Env,
  clientOptions: { slackApiUrl: string; logger: BoltLogger },
): Promise<string | null> {
  const quick = { ...clientOptions, retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000 } };
  try {
    return (await new WebClient(env['SLACK_BOT_TOKEN'], quick).auth.test()).user_id ?? null;
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
function crashBeforeSend(env: Env, notifier: ReminderNotifier): ReminderNotifier {
  if (env['SCRIBE_TEST_CRASH_BEFORE_SEND'] !== '1') return notifier;
  return {
    remind: () => process.exit(70),
    needsAttention: (channel, items) => notifier.needsAttention(channel, items),
  };
}

/** The template path from config: absolute, relative to the working directory, or the bundled one. */
function resolveTemplate(path: string): string {
  if (isAbsolute(path)) return path;
  const local = resolve(path);
  return existsSync(local) ? local : join(PROJECT_ROOT, path);
}

/** A scheduled job's failure is logged, never thrown into the scheduler. */
async function guard(log: Logger, job: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    log.error({ err: error, job }, `the ${job} job failed`);
  }
}
