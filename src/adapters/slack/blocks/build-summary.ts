import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import type { ChatMessage } from '#src/ports.ts';
import { context, fieldsSection, header, LIMITS, section } from './block-kit.ts';
import { clampText } from './clamp-text.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/** The incident's RCA review, as the pinned summary links it. */
export interface SummaryReview {
  /** "pull request" or "merge request". */
  noun: string;
  number: number;
  url: string;
  state: 'pending' | 'open' | 'merged' | 'closed';
}

/** The pinned summary message of an incident channel. */
export function buildSummary(incident: Incident, config: BotConfig, review: SummaryReview | null = null): ChatMessage {
  const [leadRole = 'lead', ...otherRoles] = config.incident.roles;
  const lead = incident.roles[leadRole];
  const roles = otherRoles.filter((r) => incident.roles[r]).map((r) => `*${r}:* <@${incident.roles[r]}>`);
  const fields = [
    `*Severity:* ${incident.severity}`,
    `*Status:* ${incident.status}`,
    `*${leadRole[0]!.toUpperCase()}${leadRole.slice(1)}:* ${lead ? `<@${lead}>` : '_unassigned_'}`,
    `*Services:* ${incident.services.length > 0 ? listServices(incident.services) : '_not set_'}`,
  ];
  const lines = [
    `Declared by <@${incident.declaredBy}> at ${incident.declaredAt.slice(0, 16).replace('T', ' ')} UTC`,
    ...(roles.length > 0 ? [roles.join(' · ')] : []),
    ...(incident.rcaPath ? [`RCA draft: \`${escapeMrkdwn(incident.rcaPath)}\``] : []),
    ...(review ? [reviewLine(review)] : []),
  ];
  return {
    text: `${incident.severity} ${incident.status}: ${incident.title}`,
    blocks: [
      header(`🚨 ${incident.title}`),
      fieldsSection(fields),
      section(lines.join('\n')),
      context([`React with :${config.timeline.emoji}: to put a message on the timeline · \`/incident help\``]),
    ],
  };
}

/** `Review: <url|pull request #3> (merged)`; a draft waiting for its push is still the open review. */
function reviewLine(review: SummaryReview): string {
  const label = `${review.noun} ${review.noun === 'merge request' ? '!' : '#'}${review.number}`;
  const state = review.state === 'merged' ? 'merged' : review.state === 'closed' ? 'closed without merging' : 'open';
  return `Review: <${review.url}|${label}> (${state})`;
}

/** The services, as many as fit in a field; the RCA's front matter keeps the full list. */
function listServices(services: string[]): string {
  const room = LIMITS.field - '*Services:* '.length;
  const all = escapeMrkdwn(services.join(', '));
  if (all.length <= room) return all;
  const more = (n: number) => ` … and ${n} more (all in the RCA)`;
  let shown = 0;
  let text = '';
  for (const service of services) {
    const next = `${text}${shown > 0 ? ', ' : ''}${escapeMrkdwn(service)}`;
    if (next.length + more(services.length - shown - 1).length > room) break;
    text = next;
    shown += 1;
  }
  return shown === 0 ? clampText(all, room) : `${text}${more(services.length - shown)}`;
}

export function buildAnnouncement(incident: Incident): ChatMessage {
  const text = `🚨 New ${incident.severity} incident: <#${incident.channelId}> · ${escapeMrkdwn(incident.title)} (declared by <@${incident.declaredBy}>)`;
  return { text, blocks: [section(text)] };
}
