import type { CheckReviewsDeps } from './deps.ts';
import type { ReviewDeps } from './review-requests.ts';

/**
 * Asks the review service about every open RCA review, and tells the incident channel once when one
 * is merged (or closed without merging): the move out of `open` in the store goes to one caller,
 * across replicas and runs. Runs every `rca.review.checkEvery`. Says how many notices it posted.
 */
export async function checkReviews(deps: CheckReviewsDeps, review: ReviewDeps): Promise<number> {
  let told = 0;
  const noun = review.requests.noun;
  for (const saved of await review.records.list(['open'])) {
    if (saved.number === null || saved.url === null) continue;
    const state = await review.requests.state(saved.number);
    if (!state.ok) {
      deps.log.warn({ incidentId: saved.incidentId, review: saved.url }, state.message);
      continue;
    }
    if (state.value === 'open') continue;
    const at = deps.clock.now().toISOString();
    if (!(await review.records.move(saved.incidentId, 'open', { ...saved, state: state.value }, at))) continue;
    const incident = await deps.store.getIncident(saved.incidentId);
    await deps.onIncidentChanged(saved.incidentId);
    if (!incident?.channelId) continue;
    const text =
      state.value === 'merged'
        ? `✅ The RCA ${noun} was merged: <${saved.url}|${noun} ${saved.number}>. The RCA is in \`${deps.config.rca.branch}\` now.`
        : `The RCA ${noun} was closed without merging: <${saved.url}|${noun} ${saved.number}>. \`/incident rca\` opens a new one.`;
    await deps.chat.post(incident.channelId, { text });
    told += 1;
  }
  return told;
}
