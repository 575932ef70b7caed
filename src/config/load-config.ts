import type { BotConfig } from './bot-config.ts';
import { ENV_VARS } from './env-vars.ts';
import { type Env, loadSettings } from './load-settings.ts';

export { PROJECT_ROOT } from './project-root.ts';

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; errors: string[] };

/**
 * The config alone, for commands that need no secrets (`scribe rca lint`, `scribe remind`, the demo):
 * the same schema and layers as `loadSettings`, which `scribe start` uses; the secrets are not read.
 */
export function loadConfig(env: Env = process.env, overrides: Record<string, unknown> = {}): ConfigResult {
  const withoutSecrets = Object.fromEntries(
    Object.entries(env).filter(([name]) => ENV_VARS[name]?.path[0] !== 'secrets'),
  );
  const result = loadSettings({ env: withoutSecrets, overrides });
  return result.ok ? { ok: true, config: result.settings.config } : { ok: false, errors: result.errors };
}

/** What the linter accepts, taken from the config. */
export function lintOptionsFrom(config: BotConfig): { severities: string[]; statuses: string[] } {
  return {
    severities: config.incident.severities,
    statuses: [...config.incident.statuses, ...config.rca.statuses],
  };
}
