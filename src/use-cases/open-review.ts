import type { Incident } from '#domain/incident.ts';
import { computeMetrics } from '#domain/incident-metrics.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { buildReviewBody } from '#rca/build-review-body.ts';
import type { Deps, OpenReviewDeps } from './deps.ts';
import type { ReviewDeps, ReviewResult } from './review-requests.ts';

export interface ReviewDraft {
  incident: Incident;
  entries: TimelineEntry[];
  content: string;
  branch: string;
  fileUrl: string | null;
}

/**
 * Opens the review of the incident's branch, or updates the one already open: title and body from the
 * RCA as committed, reviewers from the incident's roles (`rca.review.people`) and `rca.review.reviewers`.
 * Remembers it as open, and redraws the pinned summary, which links it.
 */
export async function openReview(
  deps: OpenReviewDeps,
  review: ReviewDeps,
  draft: ReviewDraft,
): Promise<ReviewResult<{ url: string; number: number; created: boolean; warnings: string[] }>> {
  const { incident } = draft;
  const settings = deps.config.rca.review;
  const metrics = computeMetrics(incident, draft.entries, deps.config.incident.statuses);
  const { title, body } = buildReviewBody(draft.content, metrics, { file: draft.fileUrl });
  const people = deps.config.incident.roles
    .map((role) => incident.roles[role])
    .flatMap((id) => (id && settings.people[id] ? [settings.people[id]] : []));
  const opened = await review.requests.open({
    branch: draft.branch,
    base: deps.config.rca.branch,
    title: title || incident.title,
    body,
    reviewers: [...new Set([...people, ...settings.reviewers])],
    labels: settings.labels,
  });
  if (!opened.ok) return opened;
  const { number, url } = opened.value;
  await review.records.save(
    { incidentId: incident.id, branch: draft.branch, number, url, state: 'open' },
    deps.clock.now().toISOString(),
  );
  await deps.onIncidentChanged(incident.id);
  return opened;
}

/** The draft's branch did not reach the remote: its review opens (or is updated) once it is pushed. */
export async function awaitPush(
  deps: Pick<Deps, 'clock'>,
  review: ReviewDeps,
  incidentId: string,
  branch: string,
): Promise<void> {
  const saved = await review.records.get(incidentId);
  // A merged or closed review is over: the pushed branch gets a new one.
  const open = saved?.state === 'open' || saved?.state === 'pending' ? saved : null;
  await review.records.save(
    { incidentId, branch, number: open?.number ?? null, url: open?.url ?? null, state: 'pending' },
    deps.clock.now().toISOString(),
  );
}
