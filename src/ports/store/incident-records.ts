import type { ActionItemRecord, Incident } from '#domain/incident.ts';

/** Incidents and the action items added to them in Slack. */
export interface IncidentRecords {
  createIncident(incident: Incident): Promise<void>;
  updateIncident(id: string, patch: Partial<Omit<Incident, 'id'>>): Promise<void>;
  getIncident(id: string): Promise<Incident | null>;
  findIncidentByChannel(channelId: string): Promise<Incident | null>;
  /** The id of the incident a channel belongs to, cheaply (the hot path of every reaction). */
  incidentIdForChannel(channelId: string): Promise<string | null>;
  listIncidents(filter: { excludeStatus?: string }): Promise<Incident[]>;
  addActionItem(item: ActionItemRecord): Promise<void>;
  listActionItems(incidentId: string): Promise<ActionItemRecord[]>;
}
