import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Logger } from '#adapters/log/create-logger.ts';
import type { Metrics } from '#adapters/metrics/create-metrics.ts';
import { RECONNECT_FOREVER } from '#adapters/slack/connection/reconnect-policy.ts';
import { SlackPacer } from '#adapters/slack/pacing/slack-pacer.ts';
import { SlackChat } from '#adapters/slack/slack-chat.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';

export interface SlackClientOptions {
  slackApiUrl: string;
  logger: BoltLogger;
  retryConfig: { retries: number; factor: number; minTimeout: number; maxTimeout: number };
}

export interface SlackApp {
  app: App;
  receiver: SocketModeReceiver | HTTPReceiver;
  pacer: SlackPacer;
  /** The `Chat` people's calls go through (the interactive lane). */
  chat: SlackChat;
  /** The scheduled jobs' `Chat`, in the background lane. */
  backgroundChat: SlackChat;
}

/** The Bolt app over Socket Mode or signed HTTP, its Web API calls paced per method tier. */
export function createSlackApp(options: {
  config: BotConfig;
  secrets: Secrets;
  clientOptions: SlackClientOptions;
  log: Logger;
  metrics: Metrics;
}): SlackApp {
  const { config, secrets, clientOptions, log, metrics } = options;
  const { logger } = clientOptions;
  const botToken = secrets.slackBotToken!;
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
  return { app, receiver, pacer, chat: new SlackChat(app.client), backgroundChat };
}
