import type { Kysely } from 'kysely';
import type { NudgeLedger } from '#src/ports.ts';
import type { Database } from './schema.ts';
import { insertIfAbsent } from './upsert.ts';

/** The `update_nudges` table over the store's Kysely instance (SQLite or PostgreSQL). */
export class KyselyNudgeLedger implements NudgeLedger {
  constructor(private readonly db: Kysely<Database>) {}

  async claimNudge(incidentId: string, slot: string, at: string): Promise<boolean> {
    const claim = { incident_id: incidentId, slot, claimed_at: at };
    return insertIfAbsent(this.db, 'update_nudges', claim, ['incident_id', 'slot']);
  }
}
