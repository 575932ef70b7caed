import type { Kysely } from 'kysely';
import type { ActionItemRecord, Incident } from '#domain/incident.ts';
import type { IncidentRecords } from '#src/ports/store/incident-records.ts';
import { createRowMapping } from './row-mapping.ts';
import type { ActionItemsTable, Database, IncidentsTable } from './schema.ts';
import { insertIfAbsent } from './upsert.ts';

const incidentRows = createRowMapping<Incident, IncidentsTable>({ json: ['roles', 'services'] });
const actionItemRows = createRowMapping<ActionItemRecord, ActionItemsTable>({ flags: ['done'] });

/** Incidents and their action items, in the `incidents` and `action_items` tables. */
export function createKyselyIncidentRecords(db: Kysely<Database>): IncidentRecords {
  /** Channel → incident id never changes once set, so found ones are kept (misses are not). */
  const channelIncidents = new Map<string, string>();
  const byChannel = (channelId: string) => db.selectFrom('incidents').where('channel_id', '=', channelId);

  return {
    async incidentIdForChannel(channelId) {
      const cached = channelIncidents.get(channelId);
      if (cached !== undefined) return cached;
      const row = await byChannel(channelId).select('id').executeTakeFirst();
      if (row) channelIncidents.set(channelId, row.id);
      return row?.id ?? null;
    },

    async createIncident(incident) {
      await db.insertInto('incidents').values(incidentRows.toRow(incident)).execute();
    },

    async updateIncident(id, patch) {
      const changed = incidentRows.toColumns(patch);
      if (Object.keys(changed).length === 0) return;
      await db.updateTable('incidents').set(changed).where('id', '=', id).execute();
    },

    async getIncident(id) {
      const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? incidentRows.fromRow(row) : null;
    },

    async findIncidentByChannel(channelId) {
      const row = await byChannel(channelId).selectAll().executeTakeFirst();
      return row ? incidentRows.fromRow(row) : null;
    },

    async listIncidents(filter) {
      let query = db.selectFrom('incidents').selectAll().orderBy('declared_at', 'desc').orderBy('id');
      if (filter.excludeStatus !== undefined) query = query.where('status', '!=', filter.excludeStatus);
      return (await query.execute()).map(incidentRows.fromRow);
    },

    async addActionItem(item) {
      await insertIfAbsent(db, 'action_items', actionItemRows.toRow(item), ['id']);
    },

    async listActionItems(incidentId) {
      const rows = await db
        .selectFrom('action_items')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(actionItemRows.fromRow);
    },
  };
}
