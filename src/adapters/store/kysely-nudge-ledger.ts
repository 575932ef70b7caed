import type { Kysely } from 'kysely';
import type { NudgeLedger } from '#src/ports.ts';
import type { Database } from './schema.ts';

/** The `update_nudges` table over the store's Kysely instance (SQLite or PostgreSQL). */
export class KyselyNudgeLedger implements NudgeLedger {
  constructor(private readonly db: Kysely<Database>) {}

  async claimNudge(incidentId: string, slot: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('update_nudges')
      .values({ incident_id: incidentId, slot, claimed_at: at })
      .onConflict((oc) => oc.columns(['incident_id', 'slot']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}
