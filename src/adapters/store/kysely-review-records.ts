import type { Kysely } from 'kysely';
import type { ReviewRecordState, ReviewRecords, SavedReview } from '#src/ports/review-records.ts';
import type { Database } from './schema.ts';

/** The `rca_reviews` table (migration 0302). */
export interface RcaReviewsTable {
  incident_id: string;
  branch: string;
  number: number | null;
  url: string | null;
  state: string;
  updated_at: string;
}

type ReviewsDatabase = { rca_reviews: RcaReviewsTable };

const toReview = (row: RcaReviewsTable): SavedReview => ({
  incidentId: row.incident_id,
  branch: row.branch,
  number: row.number === null ? null : Number(row.number),
  url: row.url,
  state: row.state as ReviewRecordState,
});

/** The incidents' RCA reviews over the store's Kysely instance (SQLite or PostgreSQL). */
export class KyselyReviewRecords implements ReviewRecords {
  private readonly db: Kysely<Database & ReviewsDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<ReviewsDatabase>();
  }

  async get(incidentId: string): Promise<SavedReview | null> {
    const row = await this.db
      .selectFrom('rca_reviews')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    return row ? toReview(row) : null;
  }

  async save(review: SavedReview, at: string): Promise<void> {
    const values = {
      branch: review.branch,
      number: review.number,
      url: review.url,
      state: review.state,
      updated_at: at,
    };
    await this.db
      .insertInto('rca_reviews')
      .values({ incident_id: review.incidentId, ...values })
      .onConflict((oc) => oc.column('incident_id').doUpdateSet(values))
      .execute();
  }

  async list(states: ReviewRecordState[]): Promise<SavedReview[]> {
    if (states.length === 0) return [];
    const rows = await this.db
      .selectFrom('rca_reviews')
      .selectAll()
      .where('state', 'in', states)
      .orderBy('updated_at')
      .execute();
    return rows.map(toReview);
  }

  async move(
    incidentId: string,
    from: ReviewRecordState,
    to: Omit<SavedReview, 'incidentId'>,
    at: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('rca_reviews')
      .set({ branch: to.branch, number: to.number, url: to.url, state: to.state, updated_at: at })
      .where('incident_id', '=', incidentId)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
