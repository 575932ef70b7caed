import type { Kysely } from 'kysely';
import type { BotState } from '#src/ports/store/bot-state.ts';
import type { Database } from './schema.ts';
import { upsert } from './upsert.ts';

/** Named values in `settings`. */
export function createKyselyBotState(db: Kysely<Database>): BotState {
  return {
    async getSetting(key) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value ?? null;
    },

    setSetting: (key, value) => upsert(db, 'settings', { key, value }, ['key']),
  };
}
