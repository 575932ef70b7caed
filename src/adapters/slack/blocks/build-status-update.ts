import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import { leadOf } from '#domain/incident.ts';
import type { ChatMessage, StatusUpdate } from '#src/ports.ts';
import { context, fieldsSection, header, section } from './block-kit.ts';
import { clampText } from './clamp-text.ts';

const hhmm = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** A status update as it reads in the incident channel and in each broadcast channel. */
export function buildStatusUpdate(incident: Incident, update: StatusUpdate, config: BotConfig): ChatMessage {
  const lead = leadOf(incident, config.incident.roles);
  const where = incident.channelId ? ` in <#${incident.channelId}>` : '';
  return {
    text: clampText(`Update on ${incident.severity} ${incident.title}: ${update.text}`, 3000),
    blocks: [
      header(`📣 Update: ${incident.title}`),
      fieldsSection([
        `*Status:* ${incident.status}`,
        `*Severity:* ${incident.severity}`,
        `*Lead:* ${lead ? `<@${lead}>` : '_unassigned_'}`,
        `*Next update:* ${update.nextAt ? hhmm(update.nextAt) : '_none planned_'}`,
      ]),
      section(update.text),
      context([`Posted by <@${update.by}> at ${hhmm(update.at)}${where}`]),
    ],
  };
}
