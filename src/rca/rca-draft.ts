import type { ActionItem, TimelineRow } from './rca-document.ts';

export interface DraftMetrics {
  toDetect: number | null;
  toAcknowledge: number | null;
  toMitigate: number | null;
  toResolve: number | null;
  /** Minutes to the first resolution, when the incident was reopened after it. */
  toFirstResolve?: number | null;
}

/** Everything `renderRca` needs; the bot builds it from the stored incident. */
export interface RcaDraft {
  title: string;
  date: string;
  severity: string;
  services: string[];
  tags: string[];
  status: string;
  durationMinutes: number | null;
  /** Minutes to detect, acknowledge, mitigate and resolve; front matter next to `duration_minutes`. */
  metrics?: DraftMetrics;
  author: string;
  preparedOn: string;
  summary: string;
  rootCause: string;
  impact: string;
  customerImpact: string;
  resolution: string;
  wentWell: string;
  toImprove: string;
  timeline: TimelineRow[];
  actionItems: ActionItem[];
  related: { target: string; label: string }[];
  diagram: boolean;
}

/** The front matter a draft renders to, as `parseRca` gives it back. */
export function draftFrontMatter(draft: RcaDraft): Record<string, unknown> {
  const data: Record<string, unknown> = {
    title: draft.title,
    date: draft.date,
    severity: draft.severity,
    services: draft.services,
    tags: draft.tags,
    status: draft.status,
  };
  if (draft.durationMinutes !== null) data['duration_minutes'] = draft.durationMinutes;
  for (const [field, value] of Object.entries(draft.metrics ?? {})) {
    if (value !== null) data[METRIC_FIELDS[field as keyof DraftMetrics]] = value;
  }
  data['author'] = draft.author;
  return data;
}

const METRIC_FIELDS = {
  toDetect: 'time_to_detect_minutes',
  toAcknowledge: 'time_to_acknowledge_minutes',
  toMitigate: 'time_to_mitigate_minutes',
  toResolve: 'time_to_resolve_minutes',
  toFirstResolve: 'time_to_first_resolve_minutes',
} as const satisfies Record<keyof DraftMetrics, string>;

/** The front-matter fields the metrics go to; a refreshed draft rewrites them. */
export const METRIC_FIELD_NAMES = Object.values(METRIC_FIELDS);
