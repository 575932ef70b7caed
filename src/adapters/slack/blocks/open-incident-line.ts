import type { Incident } from '#domain/incident.ts';
import { clampText } from './clamp-text.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/**
 * One open incident as `/incident list` and the App Home show it: `• #inc-… P2 · investigating · Title`,
 * with 🔒 before a private one (shown only to the people in its channel).
 */
export function renderOpenIncidentLine(
  incident: Pick<Incident, 'channelId' | 'severity' | 'status' | 'title' | 'private'>,
): string {
  const field = (text: string, max: number) => clampText(escapeMrkdwn(text), max);
  return `• <#${incident.channelId}> ${incident.private ? '🔒 ' : ''}${field(incident.severity, 80)} · ${field(incident.status, 80)} · ${field(incident.title, 300)}`;
}
