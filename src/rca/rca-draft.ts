import type { ActionItem, TimelineRow } from './rca-document.ts';

/** Everything `renderRca` needs; the bot builds it from the stored incident. */
export interface RcaDraft {
  title: string;
  date: string;
  severity: string;
  services: string[];
  tags: string[];
  status: string;
  durationMinutes: number | null;
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
  data['author'] = draft.author;
  return data;
}
