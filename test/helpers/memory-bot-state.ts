import type { BotState } from '#src/ports.ts';

/** `BotState` in memory: one value per key, the later one replacing it. */
export class MemoryBotState implements BotState {
  readonly settings = new Map<string, string>();

  async getSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }
}
