import { join, resolve } from 'node:path';
import { crossFieldProblems } from './cross-field-problems.ts';
import { describeIssue, personErrorMap } from './describe-issue.ts';
import { ENV_VARS, readEnvValue } from './env-vars.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { type Layer, readYamlLayer } from './read-yaml-layer.ts';
import { Settings } from './settings.ts';
import { unknownVariables } from './unknown-variables.ts';

export type Env = Record<string, string | undefined>;

export interface LoadSettingsOptions {
  /** The environment: variables and secrets (default: the process's). */
  env?: Env;
  /** Config over everything else (tests, the demo). */
  overrides?: Layer;
  /** Require the secrets the bot needs to connect to Slack (`scribe start`). */
  forBot?: boolean;
}

export type SettingsResult =
  | { ok: true; settings: Settings; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

/**
 * Reads config/default.yml, then the team's file (SCRIBE_CONFIG), then the environment, and validates
 * them, secrets included, through one schema: the schema, then the rules across settings. Every
 * problem is listed, each named where a person sets it, so one run shows everything to fix.
 */
export function loadSettings(options: LoadSettingsOptions = {}): SettingsResult {
  const env = options.env ?? process.env;
  const errors: string[] = [];
  const layers: Layer[] = [];
  const defaults = readYamlLayer(join(PROJECT_ROOT, 'config/default.yml'), 'config/default.yml');
  layers.push(defaults.layer);
  if (defaults.problem) errors.push(defaults.problem);
  const teamFile = env['SCRIBE_CONFIG'];
  if (teamFile) {
    const team = readYamlLayer(resolve(teamFile), 'SCRIBE_CONFIG');
    layers.push(team.layer);
    if (team.problem) errors.push(team.problem);
  }
  const { config: fromEnv, secrets, setByEnv } = readEnv(env);
  const config = [...layers, fromEnv, options.overrides ?? {}].reduce(deepMerge, {});
  const raw = { config, secrets };

  const parsed = Settings.safeParse(raw, { error: personErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(...describeIssue(issue, Settings, setByEnv));
  }
  const rules = crossFieldProblems(raw, options.forBot ?? false, defaults.layer);
  errors.push(...rules.errors);
  const warnings = [...unknownVariables(env), ...rules.warnings];
  if (parsed.success && errors.length === 0) return { ok: true, settings: parsed.data, warnings };
  return { ok: false, errors, warnings };
}

function readEnv(env: Env): { config: Layer; secrets: Layer; setByEnv: Map<string, string> } {
  const out: { config: Layer; secrets: Layer } = { config: {}, secrets: {} };
  const setByEnv = new Map<string, string>();
  for (const [name, variable] of Object.entries(ENV_VARS)) {
    const text = env[name];
    if (text === undefined || text.trim() === '') continue;
    const [section, ...keys] = variable.path;
    let node = out[section];
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Layer;
    }
    node[keys[keys.length - 1]!] = readEnvValue(text, variable.type);
    setByEnv.set(variable.path.join('.'), name);
  }
  return { ...out, setByEnv };
}

function deepMerge(base: Layer, over: Layer): Layer {
  const out: Layer = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value) && Object.keys(current).length > 0
        ? deepMerge(current, value)
        : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Layer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
