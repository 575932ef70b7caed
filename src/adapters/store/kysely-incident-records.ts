import type { Kysely } from 'kysely';
import type { ActionItemRecord, Incident } from '#domain/incident.ts';
import type { IncidentRecords } from '#src/ports/store/incident-records.ts';
import { createRowMapping } from './row-mapping.ts';
import type { ActionItemsTable, Database, IncidentsTable } from './schema.ts';
import { insertIfAbsent } from './upsert.ts';

const incidentRows = createRowMapping<Omit<Incident, 'private'>, Omit<IncidentsTable, 'is_private'>>({
  json: ['roles', 'services'],
});

/** `private` is kept as `is_private` (1 or 0); a public incident reads back without the field. */
function toIncidentColumns(patch: Partial<Incident>): Partial<IncidentsTable> {
  const { private: isPrivate, ...rest } = patch;
  return { ...incidentRows.toColumns(rest), ...(isPrivate === undefined ? {} : { is_private: isPrivate ? 1 : 0 }) };
}

function toIncidentRow(incident: Incident): IncidentsTable {
  const { private: isPrivate, ...rest } = incident;
  return { ...incidentRows.toRow(rest), is_private: isPrivate ? 1 : 0 };
}

function fromIncidentRow(row: IncidentsTable): Incident {
  const { is_private: isPrivate, ...rest } = row;
  return { ...incidentRows.fromRow(rest), ...(isPrivate === 1 ? { private: true } : {}) };
}
const actionItemRows = createRowMapping<ActionItemRecord, ActionItemsTable>({ flags: ['done'] });

/**
 * How long a replica trusts the channel → incident id it found: `/incident private` moves an incident
 * to a new channel, and a replica other than the one that moved it sees that once its entry is this old.
 */
export const CHANNEL_INCIDENT_TTL_MS = 10_000;

/** Incidents and their action items, in the `incidents` and `action_items` tables. */
export function createKyselyIncidentRecords(
  db: Kysely<Database>,
  options: { now?: () => number } = {},
): IncidentRecords {
  const now = options.now ?? (() => performance.now());
  /**
   * Channel → incident id, as found (misses are not kept): a message or reaction in an incident channel
   * costs one query per channel per `CHANNEL_INCIDENT_TTL_MS`, not one per event.
   */
  const channelIncidents = new Map<string, { id: string; until: number }>();
  const byChannel = (channelId: string) => db.selectFrom('incidents').where('channel_id', '=', channelId);

  return {
    async incidentIdForChannel(channelId) {
      const cached = channelIncidents.get(channelId);
      if (cached !== undefined && cached.until > now()) return cached.id;
      const row = await byChannel(channelId).select('id').executeTakeFirst();
      if (row) channelIncidents.set(channelId, { id: row.id, until: now() + CHANNEL_INCIDENT_TTL_MS });
      else channelIncidents.delete(channelId);
      return row?.id ?? null;
    },

    async createIncident(incident) {
      await db.insertInto('incidents').values(toIncidentRow(incident)).execute();
    },

    async updateIncident(id, patch) {
      const changed = toIncidentColumns(patch);
      if (Object.keys(changed).length === 0) return;
      await db.updateTable('incidents').set(changed).where('id', '=', id).execute();
      // An incident that moved (`/incident private`) no longer answers for its old channel.
      if (patch.channelId !== undefined)
        for (const [channel, cached] of channelIncidents) if (cached.id === id) channelIncidents.delete(channel);
    },

    async getIncident(id) {
      const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromIncidentRow(row) : null;
    },

    async findIncidentByChannel(channelId) {
      const row = await byChannel(channelId).selectAll().executeTakeFirst();
      return row ? fromIncidentRow(row) : null;
    },

    async listIncidents(filter) {
      let query = db.selectFrom('incidents').selectAll().orderBy('declared_at', 'desc').orderBy('id');
      if (filter.excludeStatus !== undefined) query = query.where('status', '!=', filter.excludeStatus);
      return (await query.execute()).map(fromIncidentRow);
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
