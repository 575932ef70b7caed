import type { Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { slackError } from '#adapters/slack/slack-chat.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Secrets } from '#config/secrets.ts';
import { DEMO_HINT, SetupError } from './setup-error.ts';

/** `auth.test` with the bot token: who the bot is, or a message saying what to fix. */
export async function checkBotToken(
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
