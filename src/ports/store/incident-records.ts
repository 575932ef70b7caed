import type { ActionItemRecord, Incident } from '#domain/incident.ts';

/** Incidents and the action items added to them in Slack. */
export interface IncidentRecords {
  createIncident(incident: Incident): Promise<void>;
  /** Sets the fields the patch has, and no others. */
  updateIncident(id: string, patch: Partial<Omit<Incident, 'id'>>): Promise<void>;
  getIncident(id: string): Promise<Incident | null>;
  findIncidentByChannel(channelId: string): Promise<Incident | null>;
  /** The id of the incident a channel belongs to, cheaply (the hot path of every reaction). */
  incidentIdForChannel(channelId: string): Promise<string | null>;
  /** Newest declared first (then by id). */
  listIncidents(filter: { excludeStatus?: string }): Promise<Incident[]>;
  /** Adds the item unless one with its id exists. */
  addActionItem(item: ActionItemRecord): Promise<void>;
  /** The incident's items in the order they were created (then by id). */
  listActionItems(incidentId: string): Promise<ActionItemRecord[]>;
}
