import type { BotConfig } from '#config/bot-config.ts';

/** The branch an incident's RCA file is committed to: its review branch, or the RCA branch. */
export function rcaBranch(config: BotConfig['rca'], path: string): string {
  return config.strategy === 'branch' ? `rca/${path.split('/').pop()!.replace(/\.md$/, '')}` : config.branch;
}
