/** Where an environment variable lands in the settings, and how its text is read. */
export interface EnvVar {
  path: readonly [section: 'config' | 'secrets', ...keys: string[]];
  type: 'string' | 'integer';
}

/**
 * Every variable the bot reads, the secrets included. Each goes through the same schema as the YAML;
 * an empty value is the same as an unset one.
 */
export const ENV_VARS: Record<string, EnvVar> = {
  SLACK_MODE: { path: ['config', 'slack', 'mode'], type: 'string' },
  SLACK_API_URL: { path: ['config', 'slack', 'apiUrl'], type: 'string' },
  PORT: { path: ['config', 'server', 'port'], type: 'integer' },
  DATABASE_SCHEMA: { path: ['config', 'database', 'schema'], type: 'string' },
  RCA_REPO: { path: ['config', 'rca', 'repo'], type: 'string' },
  RCA_PRIVATE_REPO: { path: ['config', 'incident', 'private', 'repo'], type: 'string' },
  RCA_PUSH_RETRY_MS: { path: ['config', 'rca', 'pushRetryMs'], type: 'integer' },
  RCA_REVIEW_API_URL: { path: ['config', 'rca', 'review', 'apiUrl'], type: 'string' },
  ACTIONS_TRACKER_API_URL: { path: ['config', 'actions', 'tracker', 'apiUrl'], type: 'string' },
  SCRIBE_DATA_DIR: { path: ['config', 'dataDir'], type: 'string' },
  LOG_LEVEL: { path: ['config', 'logLevel'], type: 'string' },
  SLACK_BOT_TOKEN: { path: ['secrets', 'slackBotToken'], type: 'string' },
  SLACK_APP_TOKEN: { path: ['secrets', 'slackAppToken'], type: 'string' },
  SLACK_SIGNING_SECRET: { path: ['secrets', 'slackSigningSecret'], type: 'string' },
  DATABASE_URL: { path: ['secrets', 'databaseUrl'], type: 'string' },
  RCA_REPO_TOKEN: { path: ['secrets', 'rcaRepoToken'], type: 'string' },
  RCA_REPO_USER: { path: ['secrets', 'rcaRepoUser'], type: 'string' },
  RCA_REVIEW_TOKEN: { path: ['secrets', 'rcaReviewToken'], type: 'string' },
  ACTIONS_TRACKER_TOKEN: { path: ['secrets', 'actionsTrackerToken'], type: 'string' },
  ACTIONS_TRACKER_USER: { path: ['secrets', 'actionsTrackerUser'], type: 'string' },
};

/** `"3000"` becomes 3000; text that is not a whole number stays text, so the message can quote it. */
export function readEnvValue(text: string, type: EnvVar['type']): unknown {
  if (type === 'integer' && /^\s*-?\d+\s*$/.test(text)) return Number(text);
  return text;
}

/** The variable that set a settings path, if one did. */
export function envVarFor(path: readonly PropertyKey[]): string | undefined {
  const key = path.join('.');
  return Object.entries(ENV_VARS).find(([, v]) => v.path.join('.') === key)?.[0];
}
