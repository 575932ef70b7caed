import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { BotConfig, crossFieldProblems } from './bot-config.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

/**
 * Reads config/default.yml, then the team's file (SCRIBE_CONFIG), then the environment, and validates
 * the result once. Every problem is listed with its path, so one run shows everything to fix.
 */
export function loadConfig(env: Env = process.env, overrides: Record<string, unknown> = {}): ConfigResult {
  const errors: string[] = [];
  const defaults = readYaml(join(PROJECT_ROOT, 'config/default.yml'), errors);
  const team = env['SCRIBE_CONFIG'] ? readYaml(resolve(env['SCRIBE_CONFIG']), errors) : {};
  const merged = deepMerge(deepMerge(deepMerge(defaults, team), fromEnv(env)), overrides);
  if (errors.length > 0) return { ok: false, errors };
  const result = BotConfig.safeParse(merged);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`)),
    ...crossFieldProblems(merged),
  ];
  if (result.success && problems.length === 0) return { ok: true, config: result.data };
  return { ok: false, errors: problems };
}

function fromEnv(env: Env): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = {};
  const set = (path: string[], value: unknown) => {
    let node = out as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value;
  };
  if (env['SLACK_MODE']) set(['slack', 'mode'], env['SLACK_MODE']);
  if (env['SLACK_API_URL']) set(['slack', 'apiUrl'], env['SLACK_API_URL']);
  if (env['PORT']) set(['server', 'port'], Number(env['PORT']));
  if (env['RCA_REPO']) set(['rca', 'repo'], env['RCA_REPO']);
  if (env['SCRIBE_DATA_DIR']) set(['dataDir'], env['SCRIBE_DATA_DIR']);
  if (env['LOG_LEVEL']) set(['logLevel'], env['LOG_LEVEL']);
  return out;
}

function readYaml(path: string, errors: string[]): Record<string, unknown> {
  try {
    const value: unknown = YAML.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch (error) {
    errors.push(`${path}: cannot read it as YAML (${(error as Error).message.split('\n')[0]})`);
    return {};
  }
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value) && Object.keys(current).length > 0
        ? deepMerge(current, value)
        : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatPath(path: PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(root)'
  );
}

/** What the linter accepts, taken from the config. */
export function lintOptionsFrom(config: BotConfig): { severities: string[]; statuses: string[] } {
  return {
    severities: config.incident.severities,
    statuses: [...config.incident.statuses, ...config.rca.statuses],
  };
}
