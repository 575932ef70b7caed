import type { Incident } from '#domain/incident.ts';
import { computeMetrics } from '#domain/incident-metrics.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { buildReviewBody } from '#rca/build-review-body.ts';
import type { OpenReviewDeps } from './deps.ts';
import type { ReviewRequests, ReviewResult } from './review-requests.ts';

/** What the bot remembers of an incident's review, under `review:<incident id>` in the store's settings. */
export interface SavedReview {
  number: number;
  url: string;
  state: 'open' | 'merged' | 'closed';
}

export const reviewKey = (incidentId: string) => `review:${incidentId}`;

/**
 * Opens the review of the incident's branch, or updates the one already open: title and body from the
 * RCA as committed, reviewers from the incident's roles (`rca.review.people`) and `rca.review.reviewers`.
 */
export async function openReview(
  deps: OpenReviewDeps,
  review: ReviewRequests,
  draft: { incident: Incident; entries: TimelineEntry[]; content: string; branch: string; fileUrl: string | null },
): Promise<ReviewResult<{ url: string; number: number; created: boolean; warnings: string[] }>> {
  const { incident } = draft;
  const settings = deps.config.rca.review;
  const metrics = computeMetrics(incident, draft.entries, deps.config.incident.statuses);
  const { title, body } = buildReviewBody(draft.content, metrics, { file: draft.fileUrl });
  const people = deps.config.incident.roles
    .map((role) => incident.roles[role])
    .flatMap((id) => (id && settings.people[id] ? [settings.people[id]] : []));
  const opened = await review.open({
    branch: draft.branch,
    base: deps.config.rca.branch,
    title: title || incident.title,
    body,
    reviewers: [...new Set([...people, ...settings.reviewers])],
    labels: settings.labels,
  });
  if (!opened.ok) return opened;
  const saved: SavedReview = { number: opened.value.number, url: opened.value.url, state: 'open' };
  await deps.store.setSetting(reviewKey(incident.id), JSON.stringify(saved));
  return opened;
}
