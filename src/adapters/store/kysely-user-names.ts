import type { Kysely } from 'kysely';
import type { UserNameCache } from '#src/ports.ts';
import type { MessageLogTables } from './kysely-message-log.ts';
import type { Database } from './schema.ts';
import { upsert } from './upsert.ts';

/** User names in the store (migration `0200_message_log`), so a restart or another replica asks Slack again only when one expires. */
export class KyselyUserNames implements UserNameCache {
  private readonly db: Kysely<MessageLogTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<MessageLogTables>() as unknown as Kysely<MessageLogTables>;
  }

  async getName(userId: string, now: string): Promise<{ name: string | null } | null> {
    const row = await this.db
      .selectFrom('user_names')
      .select('name')
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row ? { name: row.name } : null;
  }

  async setName(userId: string, name: string | null, expiresAt: string): Promise<void> {
    await upsert(this.db, 'user_names', { user_id: userId, name, expires_at: expiresAt }, ['user_id']);
  }
}
