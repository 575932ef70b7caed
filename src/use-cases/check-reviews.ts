import type { CheckReviewsDeps } from './deps.ts';
import { reviewKey, type SavedReview } from './open-review.ts';
import type { ReviewRequests } from './review-requests.ts';

/**
 * Asks the review service about every open RCA review, and tells the incident channel once when one
 * is merged (or closed without merging). Run with the reminder job; the reminder ledger makes each
 * notice go out once across replicas and restarts. Says how many notices it posted.
 */
export async function checkReviews(deps: CheckReviewsDeps, review: ReviewRequests): Promise<number> {
  let told = 0;
  for (const incident of await deps.store.listIncidents({})) {
    if (!incident.rcaPath || !incident.channelId) continue;
    const raw = await deps.store.getSetting(reviewKey(incident.id));
    if (raw === null) continue;
    const saved = JSON.parse(raw) as SavedReview;
    if (saved.state !== 'open') continue;
    const state = await review.state(saved.number);
    if (!state.ok) {
      deps.log.warn({ incidentId: incident.id, review: saved.url }, state.message);
      continue;
    }
    if (state.value === 'open') continue;
    await deps.store.setSetting(reviewKey(incident.id), JSON.stringify({ ...saved, state: state.value }));
    if (!(await deps.store.claimReminder(reviewKey(incident.id), state.value, deps.clock.now().toISOString())))
      continue;
    const text =
      state.value === 'merged'
        ? `✅ The RCA ${review.noun} was merged: <${saved.url}|${review.noun} ${saved.number}>. The RCA is in \`${deps.config.rca.branch}\` now.`
        : `The RCA ${review.noun} was closed without merging: <${saved.url}|${review.noun} ${saved.number}>. \`/incident rca\` opens a new one.`;
    await deps.chat.post(incident.channelId, { text });
    told += 1;
  }
  return told;
}
