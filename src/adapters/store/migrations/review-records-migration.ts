import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `0302_rca_reviews`: one row per incident's RCA review, with an index on the state the review jobs
 * look up. The reviews kept before as `review:<incident id>` settings (JSON) are moved over.
 */
export const reviewRecordsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rca_reviews')
      .addColumn('incident_id', 'text', (c) => c.primaryKey())
      .addColumn('branch', 'text', (c) => c.notNull())
      .addColumn('number', 'integer')
      .addColumn('url', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rca_reviews_by_state').on('rca_reviews').columns(['state', 'updated_at']).execute();
    const { rows } = await sql<{
      key: string;
      value: string;
    }>`select key, value from settings where key like 'review:%'`.execute(db);
    for (const row of rows) {
      const saved = JSON.parse(row.value) as { number?: number; url?: string; state?: string };
      if (typeof saved.number !== 'number' || typeof saved.url !== 'string') continue;
      await sql`insert into rca_reviews (incident_id, branch, number, url, state, updated_at)
        values (${row.key.slice('review:'.length)}, ${''}, ${saved.number}, ${saved.url}, ${saved.state ?? 'open'}, ${new Date(0).toISOString()})`.execute(
        db,
      );
    }
    await sql`delete from settings where key like 'review:%'`.execute(db);
  },
};
