import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import type { ChatMessage } from '#src/ports.ts';
import { escapeMrkdwn, fitSection } from './mrkdwn.ts';

/** The pinned summary message of an incident channel. */
export function buildSummary(incident: Incident, config: BotConfig): ChatMessage {
  const [leadRole = 'lead', ...otherRoles] = config.incident.roles;
  const lead = incident.roles[leadRole];
  const roles = otherRoles.filter((r) => incident.roles[r]).map((r) => `*${r}:* <@${incident.roles[r]}>`);
  const fields = [
    `*Severity:* ${incident.severity}`,
    `*Status:* ${incident.status}`,
    `*${leadRole[0]!.toUpperCase()}${leadRole.slice(1)}:* ${lead ? `<@${lead}>` : '_unassigned_'}`,
    `*Services:* ${incident.services.length > 0 ? escapeMrkdwn(incident.services.join(', ')) : '_not set_'}`,
  ];
  const lines = [
    `Declared by <@${incident.declaredBy}> at ${incident.declaredAt.slice(0, 16).replace('T', ' ')} UTC`,
    ...(roles.length > 0 ? [roles.join(' · ')] : []),
    ...(incident.rcaPath ? [`RCA draft: \`${escapeMrkdwn(incident.rcaPath)}\``] : []),
  ];
  return {
    text: `${incident.severity} ${incident.status}: ${incident.title}`,
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: `🚨 ${incident.title}`.slice(0, 150), emoji: true },
      },
      { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
      { type: 'section', text: { type: 'mrkdwn', text: fitSection(lines.join('\n')) } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `React with :${config.timeline.emoji}: to put a message on the timeline · \`/incident help\``,
          },
        ],
      },
    ],
  };
}

export function buildAnnouncement(incident: Incident): ChatMessage {
  const text = `🚨 New ${incident.severity} incident: <#${incident.channelId}> · ${escapeMrkdwn(incident.title)} (declared by <@${incident.declaredBy}>)`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fitSection(text) } }] };
}
