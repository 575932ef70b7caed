import { REFUSED_APP_TOKEN } from '#adapters/slack/connection/reconnect-policy.ts';
import { slackError } from '#adapters/slack/slack-chat.ts';
import { DEMO_HINT, SetupError } from './setup-error.ts';

/**
 * The Socket Mode start failed. Its client retries everything but a refused App-Level Token, so that
 * is what a failure here says; anything else is passed on as it is.
 */
export function refusedAppToken(error: unknown): unknown {
  const code = slackError(error);
  if (code === null || !REFUSED_APP_TOKEN.has(code)) return error;
  return new SetupError(
    `SLACK_APP_TOKEN was refused by Slack (${code}). Create an App-Level Token with connections:write on "Basic Information", and enable Socket Mode (manifest.yml does). ${DEMO_HINT}`,
  );
}
