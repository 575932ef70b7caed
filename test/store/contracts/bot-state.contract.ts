import { describe, expect, it } from 'vitest';
import type { BotState } from '#src/ports/store/bot-state.ts';
import type { RoleHandle } from './role-handle.ts';

/** What every `BotState` keeps: the last value set under each key. */
export function describeBotStateContract(name: string, make: () => Promise<RoleHandle<BotState>>): void {
  describe(`BotState contract on ${name}`, () => {
    it('gives the last value set under a key, and null for a key never set', async () => {
      const { store, close } = await make();
      const before = await store.getSetting('reminders.lastDay');

      await store.setSetting('reminders.lastDay', '2025-05-01');
      await store.setSetting('reminders.lastDay', '2025-05-02');
      await store.setSetting('review:inc-1', '');

      expect(before).toBeNull();
      expect(await store.getSetting('reminders.lastDay')).toBe('2025-05-02');
      expect(await store.getSetting('review:inc-1')).toBe('');
      await close();
    });
  });
}
