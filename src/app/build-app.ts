import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { createHttpServer } from '#adapters/http/create-http-server.ts';
import { createLogger } from '#adapters/log/create-logger.ts';
import { createMetrics } from '#adapters/metrics/create-metrics.ts';
import { meterTimeline } from '#adapters/metrics/meter-timeline.ts';
import { startReviewJobs } from '#adapters/review/start-review-jobs.ts';
import { backgroundReactions } from '#adapters/slack/background-reactions.ts';
import { boltLogger } from '#adapters/slack/bolt-logger.ts';
import { watchSocketConnection } from '#adapters/slack/connection/watch-socket-connection.ts';
import { makeDurable } from '#adapters/slack/durable-events.ts';
import { isRelevantEvent } from '#adapters/slack/is-relevant-event.ts';
import { registerListeners } from '#adapters/slack/listeners/registry.ts';
import { loggedMessage } from '#adapters/slack/logged-message.ts';
import { timelineReaction } from '#adapters/slack/timeline-reaction.ts';
import { SlackUpdatePublisher } from '#adapters/slack/updates/slack-update-publisher.ts';
import { startUpdateNudges } from '#adapters/slack/updates/start-update-nudges.ts';
import { cacheUserNames } from '#adapters/store/cache-user-names.ts';
import { KyselyMessageLog } from '#adapters/store/kysely-message-log.ts';
import { KyselyNudgeLedger } from '#adapters/store/kysely-nudge-ledger.ts';
import { KyselyReviewRecords } from '#adapters/store/kysely-review-records.ts';
import { KyselyUpdateOutbox } from '#adapters/store/kysely-update-outbox.ts';
import { KyselyUserNames } from '#adapters/store/kysely-user-names.ts';
import { createActionTracker } from '#adapters/trackers/create-action-tracker.ts';
import { resolveWebhookTargets } from '#adapters/webhooks/resolve-webhook-targets.ts';
import { startWebhooks } from '#adapters/webhooks/start-webhooks.ts';
import { missingSecrets } from '#config/missing-secrets.ts';
import { secretValues } from '#config/secrets.ts';
import { systemClock } from '#src/ports.ts';
import { pinOnArrival } from '#use-cases/timeline-from-messages.ts';
import { buildDeps } from './build-deps.ts';
import type { BuiltApp, StartOptions } from './built-app.ts';
import { checkBotToken } from './check-bot-token.ts';
import { createReminderRuns } from './create-reminder-runs.ts';
import { createSlackApp } from './create-slack-app.ts';
import { logUnhandledRejections } from './log-unhandled-rejections.ts';
import { openStore } from './open-store.ts';
import { overlay } from './overlay.ts';
import { prepareRca } from './prepare-rca.ts';
import { readiness } from './readiness.ts';
import { DEMO_HINT, SetupError } from './setup-error.ts';
import { startJobs } from './start-jobs.ts';

/** Settings → adapters → use cases → Bolt, in the order start-up needs them; not yet taking events. */
export async function buildApp(options: StartOptions): Promise<BuiltApp> {
  const { config, secrets } = options;
  const missing = missingSecrets(config.slack.mode, secrets);
  if (missing.length > 0)
    throw new SetupError(`${missing.join('\n')}\nSee README "Create the Slack app from manifest.yml". ${DEMO_HINT}`);
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
  const store = await openStore(config, secrets, metrics);
  const slack = createSlackApp({ config, secrets, clientOptions, log, metrics });
  const messages = new KyselyMessageLog(store.kind, store.db, store.inbox);
  const chat = overlay(slack.chat, {
    ...cacheUserNames(slack.chat, new KyselyUserNames(store.db), clock, config.timeline.userNameHours),
    ...backgroundReactions(slack.chat, log),
  });
  const outgoing = startWebhooks({ store, targets: webhooks.targets, clock, log, registry: metrics.registry });
  const tracker = createActionTracker(config, secrets, store);
  const { rca, clone, privateRca } = await prepareRca({
    config,
    secrets,
    log,
    metrics,
    locks: store,
    reviewRecords: new KyselyReviewRecords(store.db),
  });
  // Deps gets the timeline counted in /metrics; everything else about the store is the store's own.
  const deps = buildDeps({
    store: overlay(store, meterTimeline(store, metrics)),
    chat,
    clock,
    config,
    log,
    messages,
    rca,
    events: outgoing.events ?? null,
    tracker: tracker ?? null,
  });

  const reviewJobs = startReviewJobs(deps);
  const runs = createReminderRuns({
    deps,
    dir: clone.dir,
    privateDir: privateRca?.dir ?? null,
    storeLocation: store.location,
    backgroundChat: slack.backgroundChat,
    reviewJobs,
    metrics,
    log,
  });
  const updates = new SlackUpdatePublisher(deps.chat, config, log, new KyselyUpdateOutbox(store.db));
  const jobs = await startJobs({
    config,
    clock,
    log,
    metrics,
    locks: store,
    clone,
    reviewJobs,
    privateRca,
    messages,
    runReminders: runs.runReminders,
    runDigest: runs.runDigest,
    startNudges: () => startUpdateNudges(deps, updates, new KyselyNudgeLedger(store.db)),
  });
  const durable = makeDurable(slack.app, {
    store,
    clock,
    log,
    onAck: (type, ms) => {
      metrics.events.inc({ type });
      metrics.ackSeconds.observe({ type }, ms / 1000);
    },
    onDuplicate: (type) => metrics.duplicates.inc({ type }),
    isRelevant: (event) => isRelevantEvent(event, config, botUserId),
    onArrival: async (event, record) => {
      const pin = timelineReaction(event, config.timeline.emoji);
      return pin ? pinOnArrival(deps, pin.ref, pin.reactorId, record) : null;
    },
    logMessage: async (event) => {
      const message = loggedMessage(event);
      if (message && (await store.incidentIdForChannel(message.channelId))) await messages.record(message);
    },
  });
  registerListeners(slack.app, { deps, index: runs.index, updates });

  const { receiver } = slack;
  const connection =
    receiver instanceof SocketModeReceiver ? watchSocketConnection(receiver.client, log) : { connected: true };
  const http = await createHttpServer({
    port: config.server.port,
    registry: metrics.registry,
    isLive: () => true,
    readiness: readiness({ store, connection, clone }),
    ...(receiver instanceof HTTPReceiver ? { slack: receiver.requestListener } : {}),
  });
  return { config, log, metrics, store, slack, deps, runs, jobs, durable, outgoing, http, unhandled };
}
