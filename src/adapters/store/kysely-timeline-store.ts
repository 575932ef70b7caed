import type { Kysely } from 'kysely';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import type { TimelineStore } from '#src/ports/store/timeline-store.ts';
import { createRowMapping } from './row-mapping.ts';
import type { Database, TimelineEntriesTable } from './schema.ts';
import { insertIfAbsent } from './upsert.ts';

const entryRows = createRowMapping<TimelineEntry, TimelineEntriesTable>({ flags: ['pending'], json: ['detail'] });

/** Timelines in `timeline_entries`, and who reacted to which message in `reactors`. */
export function createKyselyTimelineStore(db: Kysely<Database>): TimelineStore {
  const entry = (key: string) => db.selectFrom('timeline_entries').where('key', '=', key);
  const reactors = (messageKey: string) => db.deleteFrom('reactors').where('message_key', '=', messageKey);

  return {
    async addTimelineEntry(added) {
      return insertIfAbsent(db, 'timeline_entries', entryRows.toRow(added), ['key']);
    },

    async updateTimelineEntry(key, patch) {
      const set = entryRows.toColumns(patch);
      if (Object.keys(set).length === 0) return false;
      const result = await db.updateTable('timeline_entries').set(set).where('key', '=', key).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async removeTimelineEntry(key) {
      const result = await db.deleteFrom('timeline_entries').where('key', '=', key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async getTimelineEntry(key) {
      const row = await entry(key).selectAll().executeTakeFirst();
      return row ? entryRows.fromRow(row) : null;
    },

    async listTimeline(incidentId) {
      const ordered = db.selectFrom('timeline_entries').selectAll().orderBy('sort_key').orderBy('key');
      return (await ordered.where('incident_id', '=', incidentId).execute()).map(entryRows.fromRow);
    },

    async addReactor(messageKey, userId) {
      await insertIfAbsent(db, 'reactors', { message_key: messageKey, user_id: userId }, ['message_key', 'user_id']);
    },

    async removeReactor(messageKey, userId) {
      await reactors(messageKey).where('user_id', '=', userId).execute();
      const row = await db
        .selectFrom('reactors')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('message_key', '=', messageKey)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async clearReactors(messageKey) {
      await reactors(messageKey).execute();
    },
  };
}
