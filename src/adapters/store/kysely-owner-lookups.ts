import type { Kysely } from 'kysely';
import type { OwnerLookups } from '#src/ports/store/owner-lookups.ts';
import type { Database } from './schema.ts';
import { upsert } from './upsert.ts';

/** What Slack answered for an owner, in `owner_lookups`, until it expires. */
export function createKyselyOwnerLookups(db: Kysely<Database>): OwnerLookups {
  return {
    async getOwnerLookup(ownerKey, now) {
      const row = await db
        .selectFrom('owner_lookups')
        .select(['data', 'expires_at'])
        .where('owner_key', '=', ownerKey)
        .executeTakeFirst();
      return row && row.expires_at > now ? row.data : null;
    },

    setOwnerLookup: (ownerKey, data, expiresAt) =>
      upsert(db, 'owner_lookups', { owner_key: ownerKey, data, expires_at: expiresAt }, ['owner_key']),
  };
}
