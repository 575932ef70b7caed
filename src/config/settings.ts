import { z } from 'zod';
import { BotConfig } from './bot-config.ts';
import { Secrets } from './secrets.ts';

/** Everything the bot is told: the config (YAML and environment) and the secrets (environment only). */
export const Settings = z.strictObject({ config: BotConfig, secrets: Secrets });
export type Settings = z.infer<typeof Settings>;
