import type { Kysely, Migration } from 'kysely';

/** `0400_private_incidents`: whether an incident is private (1) or public (0, every incident before). */
export const privateIncidentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('incidents')
      .addColumn('is_private', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
