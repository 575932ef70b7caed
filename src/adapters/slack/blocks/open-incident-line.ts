import type { Incident } from '#domain/incident.ts';
import { clampText } from './clamp-text.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/**
 * One open incident as `/incident list` and the App Home show it: `• #inc-… P2 · investigating · Title`,
 * with 🔒 before a private one (shown only to the people in its channel). Without a channel it says
 * so instead of linking `<#null>` (visibleIncidents lists none such).
 */
export function renderOpenIncidentLine(
  incident: Pick<Incident, 'channelId' | 'severity' | 'status' | 'title' | 'private'>,
): string {
  const field = (text: string, max: number) => clampText(escapeMrkdwn(text), max);
  const channel = incident.channelId ? `<#${incident.channelId}>` : '(no channel)';
  return `• ${channel} ${incident.private ? '🔒 ' : ''}${field(incident.severity, 80)} · ${field(incident.status, 80)} · ${field(incident.title, 300)}`;
}
