import type { BotConfig } from '#config/bot-config.ts';
import { loadConfig } from '#config/load-config.ts';

let defaults: BotConfig | null = null;

/**
 * The bot's settings as `config/default.yml` gives them, with `overrides` layered on top through the same
 * schema the bot reads them with, so a test can only arrange settings the bot would accept.
 */
export function buildConfig(overrides: Record<string, unknown> = {}): BotConfig {
  if (Object.keys(overrides).length === 0 && defaults) return structuredClone(defaults);
  const loaded = loadConfig({}, overrides);
  if (!loaded.ok) throw new Error(`buildConfig: the overrides are not valid settings:\n${loaded.errors.join('\n')}`);
  if (Object.keys(overrides).length === 0) defaults = structuredClone(loaded.config);
  return loaded.config;
}
