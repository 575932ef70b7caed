import type { Kysely } from 'kysely';
import type { TrackerIssue, TrackerLinks } from '#src/ports/action-tracker.ts';
import type { Database } from './schema.ts';
import { insertIfAbsent } from './upsert.ts';

/** The `tracker_links` table (migration 0101). */
export interface TrackerLinksTable {
  item_key: string;
  issue_key: string;
  issue_url: string | null;
  created_at: string;
}

type LinksDatabase = { tracker_links: TrackerLinksTable };

/** Which action item has which tracker issue, over the bot's own Kysely instance (SQLite or PostgreSQL). */
export class KyselyTrackerLinks implements TrackerLinks {
  private readonly db: Kysely<Database & LinksDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<LinksDatabase>();
  }

  async get(itemKey: string): Promise<TrackerIssue | null> {
    const row = await this.db
      .selectFrom('tracker_links')
      .select(['issue_key', 'issue_url'])
      .where('item_key', '=', itemKey)
      .executeTakeFirst();
    return row ? { key: row.issue_key, url: row.issue_url } : null;
  }

  async put(itemKey: string, issue: TrackerIssue, at: string): Promise<void> {
    const link = { item_key: itemKey, issue_key: issue.key, issue_url: issue.url, created_at: at };
    await insertIfAbsent(this.db, 'tracker_links', link, ['item_key']);
  }
}
