import { renderRcaWebUrl } from '#domain/rca-web-url.ts';
import type { Deps, RcaDeps } from './deps.ts';
import { openReview } from './open-review.ts';
import type { ReviewDeps } from './review-requests.ts';

/**
 * After the push-retry schedule ran: each review waiting for its branch to reach the remote is opened
 * (or the open one updated) from the RCA as pushed, and the incident channel gets its link once. Run
 * by one replica at a time; a review the service refuses stays pending and is tried after the next
 * push retry. Says how many it opened or updated.
 */
export async function openPendingReviews(deps: Deps, rca: RcaDeps, review: ReviewDeps): Promise<number> {
  let opened = 0;
  for (const pending of await review.records.list(['pending'])) {
    if (!(await rca.repo.isPushed(pending.branch))) continue;
    const incident = await deps.store.getIncident(pending.incidentId);
    if (!incident?.rcaPath) continue;
    const content = await rca.repo.readFile(incident.rcaPath, pending.branch);
    if (content === null) continue;
    const result = await openReview(deps, review, {
      incident,
      entries: await deps.store.listTimeline(incident.id),
      content,
      branch: pending.branch,
      fileUrl: renderRcaWebUrl(deps.config.rca.webUrl, pending.branch, incident.rcaPath),
    });
    if (!result.ok) {
      deps.log.warn({ incidentId: incident.id, branch: pending.branch }, result.message);
      continue;
    }
    opened += 1;
    const { noun } = review.requests;
    const { number, url, created, warnings } = result.value;
    for (const warning of warnings) deps.log.warn({ incidentId: incident.id, review: url }, warning);
    const label = noun === 'merge request' ? `!${number}` : `#${number}`;
    if (incident.channelId)
      await deps.chat.post(incident.channelId, {
        text: `🔍 The RCA draft reached the repository: ${created ? 'opened' : 'updated'} ${noun} <${url}|${label}>; review the draft there.`,
      });
  }
  return opened;
}
