import type { ActionItem, TimelineRow } from '#rca/rca-document.ts';
import type { RcaDraft } from '#rca/rca-draft.ts';
import type { ActionItemRecord, Incident } from './incident.ts';
import { computeMetrics, describeMetrics } from './incident-metrics.ts';
import { plainSlackText } from './plain-slack-text.ts';
import { replaceUserMentions } from './slack-mention.ts';
import type { TimelineEntry } from './timeline-entry.ts';

export interface DraftInput {
  incident: Incident;
  entries: TimelineEntry[];
  actionItems: ActionItemRecord[];
  related: { target: string; label: string }[];
  statuses: readonly string[];
  extraTags: readonly string[];
  author: string;
  preparedOn: string;
  diagram: boolean;
  /** Display names for `<@U…>` mentions, so the file reads without Slack. */
  names: Record<string, string>;
}

/** Everything the RCA file says, from what the bot stored during the incident. */
export function buildRcaDraft(input: DraftInput): RcaDraft {
  const { incident } = input;
  const date = incident.declaredAt.slice(0, 10);
  const metrics = computeMetrics(incident, input.entries, input.statuses);
  const metricsSentence = describeMetrics(incident, metrics);
  // Slack's markup and entities as a person reads them: people by name, `#channel`, links, `&`.
  const mention = (text: string) => plainSlackText(replaceUserMentions(text, (id) => `@${input.names[id] ?? id}`));
  return {
    title: `${date} - ${incident.title}`,
    date,
    severity: incident.severity,
    services: incident.services,
    tags: [...new Set(['rca', incident.severity.toLowerCase(), ...input.extraTags])],
    status: incident.status,
    durationMinutes: metrics.toResolve,
    metrics,
    author: input.author,
    preparedOn: input.preparedOn,
    summary: incident.summary.trim() === '' ? metricsSentence : `${incident.summary.trim()}\n\n${metricsSentence}`,
    rootCause: incident.rootCause,
    impact: incident.impact,
    customerImpact: '',
    resolution: incident.resolution,
    wentWell: '',
    toImprove: '',
    timeline: input.entries.map((entry) => timelineRow(entry, date, mention)),
    actionItems: input.actionItems.map(
      (item): ActionItem => ({
        priority: item.priority,
        action: item.action,
        owner: mention(item.owner),
        due: item.due,
        done: item.done,
      }),
    ),
    related: input.related,
    diagram: input.diagram,
  };
}

function timelineRow(entry: TimelineEntry, startDay: string, mention: (text: string) => string): TimelineRow {
  const day = entry.at.slice(0, 10);
  const time = `${day === startDay ? '' : `${day} `}${entry.at.slice(11, 16)}`;
  const text = entry.pending && entry.text === '' ? '(message not fetched yet)' : entry.text;
  const row: TimelineRow = { time, event: mention(text) };
  const author = entry.authorName ?? (entry.authorId ? mention(`<@${entry.authorId}>`) : null);
  if (
    author &&
    (entry.kind === 'message' || entry.kind === 'note' || entry.kind === 'action' || entry.kind === 'update')
  ) {
    row.author = author.replace(/^@/, '');
  }
  if (entry.permalink) row.link = entry.permalink;
  return row;
}
