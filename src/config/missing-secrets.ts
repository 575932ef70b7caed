import { WHERE_TO_GET } from './secrets.ts';

const isSet = (value: unknown) => typeof value === 'string' && value !== '';

/** The Slack secrets the mode needs and the environment lacks, each with where to get it. */
export function missingSecrets(mode: unknown, secrets: Record<string, unknown> | undefined): string[] {
  const problems: string[] = [];
  if (!isSet(secrets?.['slackBotToken'])) problems.push(`SLACK_BOT_TOKEN is not set: ${WHERE_TO_GET.slackBotToken}.`);
  if (mode === 'socket' && !isSet(secrets?.['slackAppToken']))
    problems.push(`SLACK_APP_TOKEN is not set: ${WHERE_TO_GET.slackAppToken}.`);
  if (mode === 'http' && !isSet(secrets?.['slackSigningSecret']))
    problems.push(`SLACK_SIGNING_SECRET is not set: ${WHERE_TO_GET.slackSigningSecret}.`);
  return problems;
}
