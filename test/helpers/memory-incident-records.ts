import type { ActionItemRecord, Incident } from '#domain/incident.ts';
import type { IncidentRecords } from '#src/ports.ts';

/**
 * `IncidentRecords` in memory, as `KyselyIncidentStore` keeps them: a second incident with the same id
 * is refused (the primary key), a patch changes only the fields it names, incidents list newest first
 * (then by id), action items oldest first and once per id. Every read is a copy, as a row is.
 */
export class MemoryIncidentRecords implements IncidentRecords {
  readonly incidents = new Map<string, Incident>();
  readonly actionItems = new Map<string, ActionItemRecord>();

  async createIncident(incident: Incident): Promise<void> {
    if (this.incidents.has(incident.id)) throw new Error(`UNIQUE constraint failed: incidents.id (${incident.id})`);
    this.incidents.set(incident.id, structuredClone(incident));
  }

  async updateIncident(id: string, patch: Partial<Omit<Incident, 'id'>>): Promise<void> {
    const current = this.incidents.get(id);
    if (!current) return;
    const changed = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    this.incidents.set(id, { ...current, ...structuredClone(changed), id });
  }

  async getIncident(id: string): Promise<Incident | null> {
    const incident = this.incidents.get(id);
    return incident ? structuredClone(incident) : null;
  }

  async findIncidentByChannel(channelId: string): Promise<Incident | null> {
    const incident = [...this.incidents.values()].find((i) => i.channelId === channelId);
    return incident ? structuredClone(incident) : null;
  }

  async incidentIdForChannel(channelId: string): Promise<string | null> {
    return [...this.incidents.values()].find((i) => i.channelId === channelId)?.id ?? null;
  }

  async listIncidents(filter: { excludeStatus?: string }): Promise<Incident[]> {
    return [...this.incidents.values()]
      .filter((i) => filter.excludeStatus === undefined || i.status !== filter.excludeStatus)
      .sort((a, b) => compare(b.declaredAt, a.declaredAt) || compare(a.id, b.id))
      .map((i) => structuredClone(i));
  }

  async addActionItem(item: ActionItemRecord): Promise<void> {
    if (!this.actionItems.has(item.id)) this.actionItems.set(item.id, structuredClone(item));
  }

  async listActionItems(incidentId: string): Promise<ActionItemRecord[]> {
    return [...this.actionItems.values()]
      .filter((a) => a.incidentId === incidentId)
      .sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
      .map((a) => structuredClone(a));
  }
}

/** Byte order, as SQLite's default collation compares text. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
