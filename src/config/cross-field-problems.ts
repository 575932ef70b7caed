import { existsSync, statSync } from 'node:fs';
import { missingSecrets } from './missing-secrets.ts';
import { resolveTemplate } from './resolve-template.ts';
import { incidentRuleProblems } from './incident-rule-problems.ts';
import { privateIncidentProblems } from './private-incident-problems.ts';
import { trackerProblems } from './tracker-problems.ts';

type Raw = { config?: Record<string, unknown>; secrets?: Record<string, unknown> };

const get = (node: unknown, key: string): unknown =>
  typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;

const isSet = (value: unknown) => typeof value === 'string' && value !== '';

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * Rules across settings, checked on the raw values even when others are wrong, so one run lists every
 * problem. `forBot`: the Slack secrets the chosen mode needs are required, and the RCA template must exist.
 * `defaults`: config/default.yml's layer, for the rules that leave what a team did not write alone.
 */
export function crossFieldProblems(
  raw: Raw,
  forBot: boolean,
  defaults: Raw['config'] = {},
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { config, secrets } = raw;
  const incident = get(config, 'incident');
  const severities = get(incident, 'severities');
  const defaultSeverity = get(incident, 'defaultSeverity');
  if (Array.isArray(severities) && severities.length > 0 && !severities.includes(defaultSeverity)) {
    errors.push(
      `incident.defaultSeverity: expected one of ${severities.join(', ')}, found ${JSON.stringify(defaultSeverity)}`,
    );
  }
  errors.push(...incidentRuleProblems(incident, get(defaults, 'incident')));
  const mode = get(get(config, 'slack'), 'mode');
  if (forBot) {
    errors.push(...missingSecrets(mode, secrets));
    const template = get(get(config, 'rca'), 'template');
    if (typeof template === 'string' && !isFile(resolveTemplate(template)))
      errors.push(
        `rca.template: cannot find ${JSON.stringify(template)} in the working directory or the bundled templates; give the path of your RCA template, or leave it at templates/rca.md`,
      );
  }
  if (mode === 'socket' && isSet(get(secrets, 'slackSigningSecret')))
    warnings.push('SLACK_SIGNING_SECRET is set but only HTTP mode uses it (SLACK_MODE=http).');
  if (mode === 'http' && isSet(get(secrets, 'slackAppToken')))
    warnings.push('SLACK_APP_TOKEN is set but only Socket Mode uses it (SLACK_MODE=socket).');
  if (isSet(get(get(config, 'database'), 'schema')) && !isSet(get(secrets, 'databaseUrl')))
    warnings.push('DATABASE_SCHEMA is set but only PostgreSQL uses it: set DATABASE_URL too, or unset it.');
  const repo = get(get(config, 'rca'), 'repo');
  if (isSet(get(secrets, 'rcaRepoToken')) && !(typeof repo === 'string' && /^https?:\/\//.test(repo)))
    warnings.push('RCA_REPO_TOKEN is set but only an https:// RCA_REPO uses it.');
  warnings.push(...privateIncidentProblems(config));
  errors.push(...trackerProblems(get(get(config, 'actions'), 'tracker'), secrets, forBot));
  return { errors, warnings };
}
