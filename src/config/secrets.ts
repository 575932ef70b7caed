import { z } from 'zod';
import { isPlaceholder } from './is-placeholder.ts';

/** Where a person gets each secret: said when it is missing or still the example's placeholder. */
export const WHERE_TO_GET = {
  slackBotToken:
    'the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page, after installing it from manifest.yml',
  slackAppToken:
    'an App-Level Token (xapp-…) with the connections:write scope, from your app\'s "Basic Information" page',
  slackSigningSecret: 'the Signing Secret from your app\'s "Basic Information" page (HTTP mode)',
  databaseUrl: 'a PostgreSQL URL such as postgres://scribe:secret@db:5432/scribe (unset it for the SQLite file)',
  rcaRepoToken: "an access token with write access to the RCA repository (your Git host's token settings)",
  rcaRepoUser: 'the user the token belongs to (unset: x-access-token, which GitHub tokens use)',
  rcaReviewToken:
    'a GitHub token with "pull_requests: write" (or the classic repo scope), or a GitLab token with the api scope',
  actionsTrackerToken:
    'a token for the issue tracker in actions.tracker.provider (GitHub: a fine-grained token with "Issues: read and write" on actions.tracker.repository; Jira Cloud: an API token; Jira Data Center: a personal access token)',
  actionsTrackerUser:
    "Jira Cloud: the email of the API token's account (unset for a Data Center personal access token)",
} as const;

type SecretName = keyof typeof WHERE_TO_GET;

/** A secret's value never appears in a message; a placeholder's may, since it is the example's. */
function secret(name: SecretName, looksRight: (value: string) => string | null = () => null) {
  return z
    .string()
    .check((ctx) => {
      const problem = isPlaceholder(ctx.value)
        ? `${JSON.stringify(ctx.value.slice(0, 20))} is a placeholder from .env.example; replace it with ${WHERE_TO_GET[name]}`
        : /\s/.test(ctx.value)
          ? 'expected the value alone, found spaces or line breaks in it; copy it again'
          : looksRight(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', input: '(secret)', message: problem });
    })
    .optional();
}

function tokenStarting(prefix: RegExp, name: SecretName, shown: string) {
  return (value: string) => {
    if (prefix.test(value)) return null;
    const kind = /^(xox[a-z]|xapp)-/.exec(value)?.[0];
    const found = kind ? `one starting with ${kind}` : 'something else';
    return `expected a token starting with ${shown}, found ${found}: use ${WHERE_TO_GET[name]}`;
  };
}

function postgresUrl(value: string): string | null {
  if (URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol)) return null;
  return `expected ${WHERE_TO_GET.databaseUrl}; found a value that is not a postgres:// URL`;
}

/** The settings that come only from the environment and are never logged. */
export const Secrets = z.strictObject({
  slackBotToken: secret('slackBotToken', tokenStarting(/^(xoxe\.)?xoxb-/, 'slackBotToken', 'xoxb-')),
  slackAppToken: secret('slackAppToken', tokenStarting(/^xapp-/, 'slackAppToken', 'xapp-')),
  slackSigningSecret: secret('slackSigningSecret'),
  databaseUrl: secret('databaseUrl', postgresUrl),
  rcaRepoToken: secret('rcaRepoToken'),
  rcaRepoUser: secret('rcaRepoUser'),
  rcaReviewToken: secret('rcaReviewToken'),
  actionsTrackerToken: secret('actionsTrackerToken'),
  actionsTrackerUser: secret('actionsTrackerUser'),
});
export type Secrets = z.infer<typeof Secrets>;

/** The values to keep out of every log line. */
export function secretValues(secrets: Secrets): string[] {
  const { rcaRepoUser: _user, actionsTrackerUser: _trackerUser, ...hidden } = secrets;
  return Object.values(hidden).filter((v): v is string => typeof v === 'string' && v !== '');
}
